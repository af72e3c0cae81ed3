package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;
import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Table-level actions: ListTable, CreateTable, DescribeTable, UpdateTable, DeleteTable, ComputeSplitPointsBySize. */
final class Tables {
    static final long SPLIT_UNIT_BYTES = 100L * 1024 * 1024;

    private final Store store;
    private final StreamChanges streamChanges;

    Tables(Store store) {
        this.store = store;
        this.streamChanges = new StreamChanges(store);
    }

    OtsInternalApi.ListTableResponse list() {
        return OtsInternalApi.ListTableResponse.newBuilder().addAllTableNames(store.tableNames()).build();
    }

    OtsInternalApi.CreateTableResponse create(OtsInternalApi.CreateTableRequest req) {
        OtsInternalApi.TableMeta meta = req.getTableMeta();
        Names.checkTable(meta.getTableName());
        int n = meta.getPrimaryKeyCount();
        if (n < 1 || n > 4) throw OtsError.param("The number of primary key columns must be in range: [1, 4].");
        List<String> names = new ArrayList<>();
        List<PkType> types = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OtsInternalApi.PrimaryKeySchema pk : meta.getPrimaryKeyList()) {
            Names.checkColumn(pk.getName());
            if (!seen.add(pk.getName())) throw OtsError.param("Duplicated primary key name: '" + pk.getName() + "'.");
            if (pk.hasOption()) throw OtsError.param("AUTO_INCREMENT primary key columns are not supported by this emulator.");
            names.add(pk.getName());
            types.add(PkType.valueOf(pk.getType().name()));
        }
        for (OtsInternalApi.DefinedColumnSchema d : meta.getDefinedColumnList()) {
            Names.checkColumn(d.getName());
            if (seen.contains(d.getName())) throw OtsError.param("Defined column '" + d.getName() + "' duplicates a primary key column.");
        }
        if (req.getIndexMetasCount() > 0) throw OtsError.param("Secondary indexes are not supported by this emulator.");
        if (req.getPartitionsCount() > 0) throw OtsError.param("Pre-split partitions are not supported by this emulator.");
        TableSettings opts = req.hasTableOptions() ? options(TableSettings.DEFAULT, req.getTableOptions()) : TableSettings.DEFAULT;
        int read = 0;
        int write = 0;
        if (req.hasReservedThroughput() && req.getReservedThroughput().hasCapacityUnit()) {
            read = req.getReservedThroughput().getCapacityUnit().getRead();
            write = req.getReservedThroughput().getCapacityUnit().getWrite();
            if (read < 0 || write < 0) throw OtsError.param("Reserved capacity units must not be negative.");
        }
        if (req.hasStreamSpec()) StreamChanges.check(req.getStreamSpec());
        Table t = new Table(meta.getTableName(), new PkSchema(names, types), opts, read, write,
            System.currentTimeMillis() / 1000, store.columnLog(meta.getTableName()));
        if (req.hasStreamSpec() && req.getStreamSpec().getEnableStream()) t.stream = streamChanges.open(t.name, req.getStreamSpec());
        store.create(t);
        return OtsInternalApi.CreateTableResponse.newBuilder().build();
    }

    /** {@code o}'s options over {@code base}: what CreateTable sets, or what UpdateTable changes. */
    private static TableSettings options(TableSettings base, OtsInternalApi.TableOptions o) {
        int ttl = o.hasTimeToLive() ? o.getTimeToLive() : base.timeToLive();
        int mv = o.hasMaxVersions() ? o.getMaxVersions() : base.maxVersions();
        long dev = o.hasDeviationCellVersionInSec() ? o.getDeviationCellVersionInSec() : base.deviationSeconds();
        if (ttl != -1 && ttl < 86400) throw OtsError.param("TimeToLive must be -1 or at least 86400 seconds, got " + ttl + ".");
        if (mv < 1) throw OtsError.param("MaxVersions must be greater than 0, got " + mv + ".");
        if (dev < 1) throw OtsError.param("DeviationCellVersionInSec must be greater than 0, got " + dev + ".");
        return new TableSettings(ttl, mv, dev);
    }

    OtsInternalApi.DescribeTableResponse describe(OtsInternalApi.DescribeTableRequest req) {
        Table t = store.table(req.getTableName());
        return OtsInternalApi.DescribeTableResponse.newBuilder()
            .setTableMeta(meta(t))
            .setReservedThroughputDetails(reservedDetails(t))
            .setTableOptions(tableOptions(t))
            .setStreamDetails(StreamChanges.details(t))
            .setCreationTime(t.creationTime * 1000000L)
            .build();
    }

    /**
     * UpdateTable: table options (only those given change), reserved throughput, and the stream
     * (enable, change the expiration, disable); all checked first, then applied together.
     */
    OtsInternalApi.UpdateTableResponse update(OtsInternalApi.UpdateTableRequest req) {
        Table t = store.table(req.getTableName());
        TableSettings opts = null;
        if (req.hasTableOptions()) {
            OtsInternalApi.TableOptions o = req.getTableOptions();
            if (!o.hasTimeToLive() && !o.hasMaxVersions() && !o.hasDeviationCellVersionInSec()) {
                throw OtsError.param("No parameter is specified in table options.");
            }
            opts = options(t.options, o);
        }
        OtsInternalApi.CapacityUnit cu = req.hasReservedThroughput() && req.getReservedThroughput().hasCapacityUnit()
            ? req.getReservedThroughput().getCapacityUnit() : null;
        if (cu != null && ((cu.hasRead() && cu.getRead() < 0) || (cu.hasWrite() && cu.getWrite() < 0))) {
            throw OtsError.param("Invalid Capacity Unit for UpdateTable: Either read(" + cu.getRead() + ") or write("
                + cu.getWrite() + ") should be non-negative.");
        }
        if (req.hasStreamSpec()) StreamChanges.check(req.getStreamSpec());
        TableSettings newOptions = opts;
        store.write(() -> {
            if (store.find(t.name) != t) throw OtsError.tableMissing(); // deleted meanwhile
            if (newOptions != null) t.options = newOptions;
            if (cu != null && cu.hasRead()) t.reservedRead = cu.getRead();
            if (cu != null && cu.hasWrite()) t.reservedWrite = cu.getWrite();
            if (newOptions != null || cu != null) store.log().tableUpdated(t);
            if (req.hasStreamSpec()) streamChanges.apply(t, req.getStreamSpec());
            store.log().commit();
            return null;
        });
        return OtsInternalApi.UpdateTableResponse.newBuilder().setReservedThroughputDetails(reservedDetails(t))
            .setTableOptions(tableOptions(t)).setStreamDetails(StreamChanges.details(t)).build();
    }

    private static OtsInternalApi.ReservedThroughputDetails.Builder reservedDetails(Table t) {
        return OtsInternalApi.ReservedThroughputDetails.newBuilder()
            .setCapacityUnit(OtsInternalApi.CapacityUnit.newBuilder().setRead(t.reservedRead).setWrite(t.reservedWrite))
            .setLastIncreaseTime(t.creationTime)
            .setLastDecreaseTime(t.creationTime);
    }

    private static OtsInternalApi.TableOptions.Builder tableOptions(Table t) {
        TableSettings o = t.options;
        return OtsInternalApi.TableOptions.newBuilder()
            .setTimeToLive(o.timeToLive())
            .setMaxVersions(o.maxVersions())
            .setDeviationCellVersionInSec(o.deviationSeconds())
            .setAllowUpdate(true);
    }

    static OtsInternalApi.TableMeta.Builder meta(Table t) {
        OtsInternalApi.TableMeta.Builder m = OtsInternalApi.TableMeta.newBuilder().setTableName(t.name);
        for (int i = 0; i < t.schema.size(); i++) m.addPrimaryKey(pkSchema(t.schema, i));
        return m;
    }

    private static OtsInternalApi.PrimaryKeySchema pkSchema(PkSchema s, int i) {
        return OtsInternalApi.PrimaryKeySchema.newBuilder()
            .setName(s.name(i)).setType(OtsInternalApi.PrimaryKeyType.valueOf(s.type(i).name())).build();
    }

    OtsInternalApi.DeleteTableResponse delete(OtsInternalApi.DeleteTableRequest req) {
        store.delete(req.getTableName());
        return OtsInternalApi.DeleteTableResponse.newBuilder().build();
    }

    /**
     * Walks the table in key order and cuts it every {@code split_size} stored bytes, at the next
     * change of partition key (a split point is a partition-key value; the SDK pads the other
     * columns with INF_MIN).
     */
    OtsInternalApi.ComputeSplitPointsBySizeResponse splitPoints(OtsInternalApi.ComputeSplitPointsBySizeRequest req) {
        Table t = store.table(req.getTableName());
        if (req.getSplitSize() <= 0) throw OtsError.param("The split size must be greater than 0, got " + req.getSplitSize() + ".");
        long unit = req.hasSplitSizeUnitInByte() && req.getSplitSizeUnitInByte() > 0 ? req.getSplitSizeUnitInByte() : SPLIT_UNIT_BYTES;
        long splitBytes = Math.multiplyHigh(req.getSplitSize(), unit) != 0 ? Long.MAX_VALUE : req.getSplitSize() * unit;
        int limit = req.hasSplitPointLimit() && req.getSplitPointLimit() > 0 ? req.getSplitPointLimit() : Integer.MAX_VALUE;
        List<byte[]> points = store.read(() -> {
            List<byte[]> out = new ArrayList<>();
            long acc = 0;
            byte[] firstPrefix = null;
            byte[] lastPoint = null;
            byte[] previous = null;
            boolean cutPending = false;
            for (Map.Entry<byte[], byte[]> e : t.rows.entrySet()) {
                byte[] key = e.getKey();
                int plen = KeyCodec.prefixLength(t.schema, key, 1);
                if (firstPrefix == null) firstPrefix = Arrays.copyOf(key, plen);
                boolean newPartition = previous == null || !Arrays.equals(previous, 0, previous.length, key, 0, plen);
                if (newPartition) previous = Arrays.copyOf(key, plen);
                if (cutPending && newPartition) {
                    byte[] prefix = previous;
                    boolean fresh = Arrays.compareUnsigned(prefix, firstPrefix) > 0
                        && (lastPoint == null || Arrays.compareUnsigned(prefix, lastPoint) > 0);
                    if (fresh) {
                        out.add(prefix);
                        lastPoint = prefix;
                        cutPending = false;
                        acc = 0;
                        if (out.size() >= limit) break;
                    }
                }
                acc += key.length + e.getValue().length;
                if (acc >= splitBytes) cutPending = true;
            }
            return out;
        });
        OtsInternalApi.ComputeSplitPointsBySizeResponse.Builder b = OtsInternalApi.ComputeSplitPointsBySizeResponse.newBuilder()
            .setConsumed(consumed(1, 0));
        for (int i = 0; i < t.schema.size(); i++) b.addSchema(pkSchema(t.schema, i));
        PkSchema first = new PkSchema(List.of(t.schema.name(0)), List.of(t.schema.type(0)));
        for (byte[] p : points) {
            b.addSplitPoints(ByteString.copyFrom(PlainBufferWriter.primaryKey(first, KeyCodec.decode(first, p))));
        }
        b.addLocations(OtsInternalApi.ComputeSplitPointsBySizeResponse.SplitLocation.newBuilder()
            .setLocation("ots-emulator").setRepeat(points.size() + 1L));
        return b.build();
    }

    static OtsInternalApi.ConsumedCapacity consumed(int read, int write) {
        return OtsInternalApi.ConsumedCapacity.newBuilder()
            .setCapacityUnit(OtsInternalApi.CapacityUnit.newBuilder().setRead(read).setWrite(write)).build();
    }
}
