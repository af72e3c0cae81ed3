package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.Row;
import com.otsrange.reader.filter.TableSchema;
import com.otsrange.reader.range.SubRanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ordered parallel reads against an in-memory table served page by page: whatever the
 * parallelism, splits and budget, the consumer sees exactly the rows of a sequential read in the
 * same order; more than one request is in flight when it may; queued pages stay within the
 * budget; a failure arrives after the pages before it.
 */
class OrderedPagesTest {
    static final TableSchema SCHEMA = new TableSchema(Arrays.asList("id", "ct"),
            Arrays.asList(PrimaryKeyType.STRING, PrimaryKeyType.INTEGER), 0, 1);
    static final int PAGE = 7;
    static final long PAGE_COST = 100;

    static PrimaryKey key(String id, PrimaryKeyValue ct) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(id))
                .addPrimaryKeyColumn("ct", ct).build();
    }

    static PrimaryKey key(String id, long ct) {
        return key(id, PrimaryKeyValue.fromLong(ct));
    }

    /** Rows of keys "k" (ct 0, 3, 6, ...) and "m" (ct 0..199), served {@link #PAGE} at a time. */
    static final class Table implements PageSource {
        final List<Row> rows = new ArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger fetched = new AtomicInteger();
        volatile boolean waitForCompany;
        volatile PrimaryKey failAt;

        Table() {
            for (long t = 0; t < 3000; t += 3) {
                rows.add(new Row(key("k", t), Collections.singletonList(new Column("v", ColumnValue.fromLong(t)))));
            }
            for (long t = 0; t < 200; t++) {
                rows.add(new Row(key("m", t), Collections.singletonList(new Column("v", ColumnValue.fromLong(-t)))));
            }
        }

        @Override
        public Page fetch(PrimaryKey start, PrimaryKey end, ScanRequest request) {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                if (failAt != null && PkRange.compare(start, failAt) == 0) {
                    throw new IllegalStateException("injected failure at " + start);
                }
                // until two requests have been in flight together, a request waits (bounded) for company;
                // not the very first: nothing starts before the first range's split is decided
                for (int i = 0; i < 500 && waitForCompany && fetched.get() > 0 && maxInFlight.get() < 2; i++) {
                    sleep();
                }
                List<Row> page = new ArrayList<>();
                PrimaryKey next = null;
                for (Row r : rows) {
                    if (PkRange.compare(r.getPrimaryKey(), start) < 0 || PkRange.compare(r.getPrimaryKey(), end) >= 0) {
                        continue;
                    }
                    if (page.size() == PAGE) {
                        next = r.getPrimaryKey();
                        break;
                    }
                    page.add(r);
                }
                fetched.incrementAndGet();
                return new Page(new SdkRows(page), next, PAGE_COST);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Row keys of [start, end), as a sequential read gives them. */
        List<String> sequential(List<PkRange> ranges) {
            List<String> out = new ArrayList<>();
            for (PkRange g : ranges) {
                for (Row r : rows) {
                    if (PkRange.compare(r.getPrimaryKey(), g.start()) >= 0 && PkRange.compare(r.getPrimaryKey(), g.end()) < 0) {
                        out.add(text(r));
                    }
                }
            }
            return out;
        }
    }

    static String text(Row r) {
        return r.getPrimaryKey().getPrimaryKeyColumn(0).getValue().asString() + "/" + r.getPrimaryKey().getPrimaryKeyColumn(1).getValue().asLong();
    }

    static final List<PkRange> RANGES = Arrays.asList(
            new PkRange(key("k", 30), key("k", 2500)),
            new PkRange(key("k", 2500), key("k", PrimaryKeyValue.INF_MAX)),
            new PkRange(key("m", 5), key("m", 6)),
            new PkRange(key("m", 10), key("m", 190)));

    static List<OrderedPages.Range<String>> ranges(boolean split) {
        List<OrderedPages.Range<String>> out = new ArrayList<>();
        for (int i = 0; i < RANGES.size(); i++) {
            SubRanges s = split ? new SubRanges(SCHEMA, i < 2 ? 3000 : 200, 2, 20) : null;
            out.add(new OrderedPages.Range<>("range" + i, RANGES.get(i).start(), RANGES.get(i).end(), new ScanRequest(null, null, null), s));
        }
        return out;
    }

    /** Reads everything, checking after each page that no more than {@code maxAhead} pages were fetched ahead. */
    static List<String> readAll(OrderedPages<String> pages, Table t, int maxAhead) {
        List<String> out = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int consumed = 0;
        for (OrderedPages.Tagged<String> p = pages.next(); p != null; p = pages.next()) {
            consumed++;
            assertTrue(t.fetched.get() - consumed <= maxAhead, (t.fetched.get() - consumed) + " pages ahead, at most " + maxAhead);
            if (tags.isEmpty() || !tags.get(tags.size() - 1).equals(p.tag)) {
                tags.add(p.tag);
            }
            for (Row r : ((SdkRows) p.rows).rows()) {
                out.add(text(r));
            }
        }
        assertEquals(Arrays.asList("range0", "range1", "range2", "range3"), tags, "each range's pages together, in order");
        return out;
    }

    @ParameterizedTest(name = "parallel {0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void rowsArriveExactlyAsASequentialReadGivesThem(int parallel) {
        Table t = new Table();
        t.waitForCompany = parallel > 1;
        try (OrderedPages<String> pages = new OrderedPages<>(t, ranges(true), parallel, 1L << 40, "test")) {
            assertEquals(t.sequential(RANGES), readAll(pages, t, Integer.MAX_VALUE));
        }
        if (parallel > 1) {
            assertTrue(t.maxInFlight.get() >= 2, "one request at a time despite parallel " + parallel);
        }
        assertTrue(t.maxInFlight.get() <= parallel, t.maxInFlight.get() + " requests in flight, parallel " + parallel);
    }

    @Test
    void withoutSplitterARangeIsReadPageByPageButLaterRangesAhead() {
        Table t = new Table();
        try (OrderedPages<String> pages = new OrderedPages<>(t, ranges(false), 3, 1L << 40, "test")) {
            assertEquals(t.sequential(RANGES), readAll(pages, t, Integer.MAX_VALUE));
            long answers = 0;
            for (PkRange r : RANGES) {
                answers += Math.max(1, (t.sequential(Collections.singletonList(r)).size() + PAGE - 1) / PAGE);
            }
            assertEquals(answers, pages.requests(), "no sub-ranges without a splitter");
        }
    }

    @ParameterizedTest(name = "budget {0} pages")
    @ValueSource(ints = {0, 1, 3})
    void pagesQueuedAheadStayWithinTheBudget(int budgetPages) {
        Table t = new Table();
        int parallel = 4;
        try (OrderedPages<String> pages = new OrderedPages<>(t, ranges(true), parallel, budgetPages * PAGE_COST, "test")) {
            // queued within the budget (one page more when none is queued, and the consumer's next page),
            // plus one answer per worker received and waiting for room
            assertEquals(t.sequential(RANGES), readAll(pages, t, budgetPages + 2 + parallel));
        }
    }

    @Test
    void aFailureArrivesAfterThePagesBeforeIt() {
        Table t = new Table();
        t.failAt = RANGES.get(2).start();
        List<String> before = t.sequential(RANGES.subList(0, 2));
        List<String> got = new ArrayList<>();
        try (OrderedPages<String> pages = new OrderedPages<>(t, ranges(true), 4, 1L << 40, "test")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (OrderedPages.Tagged<String> p = pages.next(); p != null; p = pages.next()) {
                    for (Row r : ((SdkRows) p.rows).rows()) {
                        got.add(text(r));
                    }
                }
            });
            assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        }
        assertEquals(before, got);
    }
}
