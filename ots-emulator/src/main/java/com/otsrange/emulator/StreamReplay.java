package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.ActionType;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads one table-update or stream entry of {@link FileStoreLog} (tags O, E, N, H, Z, S) and
 * returns the change to apply when its request's commit marker is reached.
 */
final class StreamReplay {
    private StreamReplay() {
    }

    static Runnable read(int tag, DataInputStream in, Store store) throws IOException {
        String table = in.readUTF();
        StreamClock clock = store.streams.clock();
        switch (tag) {
            case 'O': {
                TableSettings o = new TableSettings(in.readInt(), in.readInt(), in.readLong());
                int read = in.readInt();
                int write = in.readInt();
                return () -> {
                    Table t = store.find(table);
                    t.options = o;
                    t.reservedRead = read;
                    t.reservedWrite = write;
                };
            }
            case 'E': {
                String id = in.readUTF();
                long created = in.readLong();
                long enabled = in.readLong();
                int hours = in.readInt();
                return () -> {
                    Table t = store.find(table);
                    clock.observe(created);
                    if (t.stream != null && t.stream.id.equals(id)) {
                        t.stream.setExpirationHours(hours);
                    } else {
                        t.stream = new TableStream(id, created, enabled, hours);
                    }
                };
            }
            case 'N':
                return () -> store.find(table).stream = null;
            case 'H': {
                String id = in.readUTF();
                String parent = in.readUTF();
                String sibling = in.readUTF();
                Shard shard = new Shard(id, parent.isEmpty() ? null : parent, sibling.isEmpty() ? null : sibling, in.readLong(), in.readLong());
                return () -> store.find(table).stream.addShard(shard);
            }
            case 'Z': {
                String id = in.readUTF();
                long micros = in.readLong();
                return () -> {
                    clock.observe(micros);
                    store.find(table).stream.shard(id).close(micros);
                };
            }
            case 'S': {
                String id = in.readUTF();
                long micros = in.readLong();
                int row = in.readInt();
                ActionType action = ActionType.forNumber(in.readInt());
                byte[] record = new byte[in.readInt()];
                in.readFully(record);
                if (action == null) throw new EOFException("unknown stream action");
                StreamEntry e = new StreamEntry(micros, row, action, record);
                return () -> {
                    clock.observe(micros);
                    TableStream s = store.find(table).stream;
                    s.append(s.shard(id), e);
                };
            }
            default:
                throw new EOFException("unknown record");
        }
    }
}
