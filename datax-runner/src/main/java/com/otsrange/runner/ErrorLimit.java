package com.otsrange.runner;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

/**
 * {@code job.setting.errorLimit}: {@code record} (checked while running and at the end) wins over
 * {@code percentage} (checked at the end only), as in DataX's ErrorRecordChecker.
 */
final class ErrorLimit {

    private final Long recordLimit;
    private final Double percentageLimit;

    ErrorLimit(Configuration all) {
        Long record = all.getLong("job.setting.errorLimit.record");
        Double percentage = all.getDouble("job.setting.errorLimit.percentage");
        if (percentage != null && (percentage < 0.0 || percentage > 1.0)) {
            throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                    "[job.setting.errorLimit.percentage] must be within [0.0, 1.0], got " + percentage);
        }
        if (record != null && record < 0) {
            throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                    "[job.setting.errorLimit.record] must be a non-negative integer, got " + record);
        }
        this.recordLimit = record;
        this.percentageLimit = record != null ? null : percentage;
    }

    void checkRecords(JobStats stats) {
        if (recordLimit != null && stats.errorRecords() > recordLimit) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_DIRTY_DATA_LIMIT_EXCEED, String.format(
                    "Dirty record check failed: the limit (job.setting.errorLimit.record) is [%d] records, "
                            + "but [%d] were captured.", recordLimit, stats.errorRecords()));
        }
    }

    void checkPercentage(JobStats stats) {
        if (percentageLimit == null) {
            return;
        }
        long total = stats.totalReadRecords();
        double ratio = total == 0 ? 0 : (double) stats.errorRecords() / total;
        if (total > 0 && ratio > percentageLimit) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_DIRTY_DATA_LIMIT_EXCEED, String.format(
                    "Dirty record percentage check failed: the limit (job.setting.errorLimit.percentage) is [%f], "
                            + "but [%f] was captured.", percentageLimit, ratio));
        }
    }
}
