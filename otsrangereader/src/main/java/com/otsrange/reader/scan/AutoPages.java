package com.otsrange.reader.scan;

import com.alibaba.datax.common.exception.DataXException;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BulkExport, and GetRange from the first refusal on: both give the same rows of a range, so a
 * refused answer is simply asked again with GetRange (from the same start key) and so is every
 * later one. The first BulkExport of the job probes alone ({@link BulkExportProbe}, shared by the
 * job's tasks); a refusal is logged once.
 */
public final class AutoPages implements PageSource {
    private static final Logger LOG = LoggerFactory.getLogger(AutoPages.class);

    private final PageSource bulkExport;
    private final PageSource getRange;
    private final BulkExportProbe probe;
    private final String table;

    AutoPages(PageSource bulkExport, PageSource getRange, BulkExportProbe probe, String table) {
        this.bulkExport = bulkExport;
        this.getRange = getRange;
        this.probe = probe;
        this.table = table;
    }

    @Override
    public Page fetch(PrimaryKey start, PrimaryKey end, ScanRequest request) {
        boolean probing;
        try {
            probing = probe.mustProbe();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(OtsRangeReaderErrorCode.INTERRUPTED, "interrupted while waiting for BulkExport's first answer");
        }
        if (!probing && probe.refused()) {
            return getRange.fetch(start, end, request);
        }
        Boolean served = null;
        try {
            Page p = bulkExport.fetch(start, end, request);
            served = Boolean.TRUE;
            return p;
        } catch (BulkExportRefused e) {
            served = Boolean.FALSE;
            if (probe.refuse()) {
                LOG.warn("BulkExport on table {} refused by the service: {}; reading with GetRange instead (readApi \"auto\"; "
                        + "set readApi \"getRange\" to skip the attempt)", table, e.getMessage());
            }
        } finally {
            if (probing) {
                probe.outcome(served);
            }
        }
        return getRange.fetch(start, end, request);
    }
}
