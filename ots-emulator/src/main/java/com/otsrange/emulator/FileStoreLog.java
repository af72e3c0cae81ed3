package com.otsrange.emulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Persists the store as an append-only log ({@code tables.log} in the data folder), replayed at
 * start. Records: T(create table), X(drop table), C(column id), R(row put), D(row delete),
 * O(table options updated), E(stream enabled or its expiration changed), N(stream disabled),
 * H(shard created), Z(shard closed), S(stream record), each followed by a commit marker K per
 * request; a torn tail (crash mid-write) is ignored back to the last K, so a request's changes
 * come back all or nothing. Stream records are kept with the rows: an iterator a client stored
 * (otsstreamreader keeps them in its status table) still reads after a restart; records past
 * their retention are dropped again after the replay.
 */
final class FileStoreLog implements StoreLog {
    private static final String FILE = "tables.log";
    private static final int MAGIC = 0x4f54534c; // "OTSL"

    private final Path file;
    private final DataOutputStream out;
    private final FileChannel channel;

    private FileStoreLog(Path file, long validLength) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.size() > validLength) channel.truncate(validLength);
        channel.position(validLength);
        this.out = new DataOutputStream(new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 256 * 1024));
        if (validLength == 0) {
            out.writeInt(MAGIC);
            out.flush();
        }
    }

    static FileStoreLog open(Path dir, Store store) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        long valid = Files.exists(file) ? replay(file, store) : 0;
        return new FileStoreLog(file, valid);
    }

    /** Replays committed records; returns the length up to the last commit marker. */
    private static long replay(Path file, Store store) throws IOException {
        long size = Files.size(file);
        if (size == 0) return 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            CountingInput counting = new CountingInput(raw);
            DataInputStream in = new DataInputStream(counting);
            if (in.readInt() != MAGIC) throw new IOException(file + " is not an ots-emulator data file");
            long committed = counting.count;
            List<Runnable> pending = new ArrayList<>();
            try {
                while (true) {
                    int tag = in.read();
                    if (tag < 0) break;
                    switch (tag) {
                        case 'T': {
                            String name = in.readUTF();
                            int n = in.readInt();
                            List<String> names = new ArrayList<>();
                            List<PkType> types = new ArrayList<>();
                            for (int i = 0; i < n; i++) {
                                names.add(in.readUTF());
                                types.add(PkType.valueOf(in.readUTF()));
                            }
                            TableSettings o = new TableSettings(in.readInt(), in.readInt(), in.readLong());
                            int read = in.readInt();
                            int write = in.readInt();
                            long created = in.readLong();
                            pending.add(() -> store.restore(new Table(name, new PkSchema(names, types), o, read, write, created, store.columnLog(name))));
                            break;
                        }
                        case 'X': {
                            String name = in.readUTF();
                            pending.add(() -> store.restoreDelete(name));
                            break;
                        }
                        case 'C': {
                            String table = in.readUTF();
                            int id = in.readInt();
                            String col = in.readUTF();
                            pending.add(() -> store.find(table).columns.restore(id, col));
                            break;
                        }
                        case 'R':
                        case 'D': {
                            String table = in.readUTF();
                            byte[] key = new byte[in.readInt()];
                            in.readFully(key);
                            byte[] value = null;
                            if (tag == 'R') {
                                value = new byte[in.readInt()];
                                in.readFully(value);
                            }
                            byte[] v = value;
                            pending.add(() -> store.find(table).putRaw(key, v));
                            break;
                        }
                        case 'O': case 'E': case 'N': case 'H': case 'Z': case 'S':
                            pending.add(StreamReplay.read(tag, in, store));
                            break;
                        case 'K':
                            pending.forEach(Runnable::run);
                            pending.clear();
                            committed = counting.count;
                            break;
                        default:
                            throw new EOFException("unknown record");
                    }
                }
            } catch (EOFException torn) {
                // a crash mid-append: keep what was committed
            }
            return committed;
        }
    }

    @Override
    public synchronized void tableCreated(Table t) {
        write(() -> {
            out.write('T');
            out.writeUTF(t.name);
            out.writeInt(t.schema.size());
            for (int i = 0; i < t.schema.size(); i++) {
                out.writeUTF(t.schema.name(i));
                out.writeUTF(t.schema.type(i).name());
            }
            out.writeInt(t.options.timeToLive());
            out.writeInt(t.options.maxVersions());
            out.writeLong(t.options.deviationSeconds());
            out.writeInt(t.reservedRead);
            out.writeInt(t.reservedWrite);
            out.writeLong(t.creationTime);
        });
    }

    @Override
    public synchronized void tableDeleted(String table) {
        write(() -> {
            out.write('X');
            out.writeUTF(table);
        });
    }

    @Override
    public synchronized void column(String table, int id, String name) {
        write(() -> {
            out.write('C');
            out.writeUTF(table);
            out.writeInt(id);
            out.writeUTF(name);
        });
    }

    @Override
    public synchronized void row(String table, byte[] key, byte[] valueOrNull) {
        write(() -> {
            out.write(valueOrNull == null ? 'D' : 'R');
            out.writeUTF(table);
            out.writeInt(key.length);
            out.write(key);
            if (valueOrNull != null) {
                out.writeInt(valueOrNull.length);
                out.write(valueOrNull);
            }
        });
    }

    @Override
    public synchronized void tableUpdated(Table t) {
        write(() -> {
            out.write('O');
            out.writeUTF(t.name);
            out.writeInt(t.options.timeToLive());
            out.writeInt(t.options.maxVersions());
            out.writeLong(t.options.deviationSeconds());
            out.writeInt(t.reservedRead);
            out.writeInt(t.reservedWrite);
        });
    }

    @Override
    public synchronized void streamEnabled(String table, TableStream s) {
        write(() -> {
            out.write('E');
            out.writeUTF(table);
            out.writeUTF(s.id);
            out.writeLong(s.creationMicros);
            out.writeLong(s.lastEnableMicros);
            out.writeInt(s.expirationHours());
        });
    }

    @Override
    public synchronized void streamDisabled(String table) {
        write(() -> {
            out.write('N');
            out.writeUTF(table);
        });
    }

    @Override
    public synchronized void shardCreated(String table, Shard shard) {
        write(() -> {
            out.write('H');
            out.writeUTF(table);
            out.writeUTF(shard.id);
            out.writeUTF(shard.parentId == null ? "" : shard.parentId);
            out.writeUTF(shard.parentSiblingId == null ? "" : shard.parentSiblingId);
            out.writeLong(shard.low);
            out.writeLong(shard.high);
        });
    }

    @Override
    public synchronized void shardClosed(String table, String shardId, long micros) {
        write(() -> {
            out.write('Z');
            out.writeUTF(table);
            out.writeUTF(shardId);
            out.writeLong(micros);
        });
    }

    @Override
    public synchronized void streamRecord(String table, String shardId, StreamEntry e) {
        write(() -> {
            out.write('S');
            out.writeUTF(table);
            out.writeUTF(shardId);
            out.writeLong(e.timestampMicros());
            out.writeInt(e.rowIndex());
            out.writeInt(e.action().getNumber());
            out.writeInt(e.record().length);
            out.write(e.record());
        });
    }

    @Override
    public synchronized void commit() {
        write(() -> {
            out.write('K');
            out.flush(); // to the OS: survives a killed JVM (not a power cut)
        });
    }

    synchronized void close() {
        try {
            out.flush();
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            // nothing more to do on shutdown
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void write(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
