package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.PrimaryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * BulkExport, and GetRange from the first refusal on: both give the same rows of a range, so a
 * refused answer is simply asked again with GetRange (from the same start key) and so is every
 * later one. The refusal is remembered in {@code refusals} (shared by the job's tasks) and logged
 * once.
 */
public final class AutoPages implements PageSource {
    private static final Logger LOG = LoggerFactory.getLogger(AutoPages.class);

    private final PageSource bulkExport;
    private final PageSource getRange;
    private final Set<String> refusals;
    private final String table;

    public AutoPages(PageSource bulkExport, PageSource getRange, Set<String> refusals, String table) {
        this.bulkExport = bulkExport;
        this.getRange = getRange;
        this.refusals = refusals;
        this.table = table;
    }

    @Override
    public Page fetch(PrimaryKey start, PrimaryKey end, ScanRequest request) {
        if (!refusals.contains(table)) {
            try {
                return bulkExport.fetch(start, end, request);
            } catch (BulkExportRefused e) {
                if (refusals.add(table)) {
                    LOG.warn("BulkExport on table {} refused by the service: {}; reading with GetRange instead (readApi \"auto\"; "
                            + "set readApi \"getRange\" to skip the attempt)", table, e.getMessage());
                }
            }
        }
        return getRange.fetch(start, end, request);
    }
}
