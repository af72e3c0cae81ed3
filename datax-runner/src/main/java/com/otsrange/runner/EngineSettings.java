package com.otsrange.runner;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

/** The engine settings of one job (job.setting.speed and core.*, after merging core defaults). */
record EngineSettings(int channels, int channelCapacity, long channelByteCapacity, int bufferSize,
                      int channelsPerTaskGroup, int maxDirtyPrinted, SpeedLimit channelSpeed) {

    static EngineSettings of(Configuration all) {
        return new EngineSettings(
                channelCount(all),
                all.getInt("core.transport.channel.capacity", 512),
                all.getLong("core.transport.channel.byteCapacity", 8L * 1024 * 1024),
                all.getInt("core.transport.exchanger.bufferSize", 32),
                Math.max(1, all.getInt("core.container.taskGroup.channel", 5)),
                all.getInt("core.statistics.collector.plugin.maxDirtyNumber", 10),
                new SpeedLimit(all.getLong("core.transport.channel.speed.byte", -1),
                        all.getLong("core.transport.channel.speed.record", -1)));
    }

    /**
     * DataX's rule: a byte or record limit gives limit / per-channel limit channels (the smaller
     * wins, at least 1; the per-channel limit {@code core.transport.channel.speed.*} must then be
     * set); otherwise {@code job.setting.speed.channel}; with none of the three the job is invalid.
     */
    static int channelCount(Configuration all) {
        int byByte = Integer.MAX_VALUE;
        int byRecord = Integer.MAX_VALUE;
        if (all.getInt("job.setting.speed.byte", 0) > 0) {
            long total = all.getInt("job.setting.speed.byte");
            Long perChannel = all.getLong("core.transport.channel.speed.byte");
            if (perChannel == null || perChannel <= 0) {
                throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                        "[job.setting.speed.byte] is set, so [core.transport.channel.speed.byte] (bytes/s per channel)"
                                + " must be set to a positive number too.");
            }
            byByte = (int) Math.max(1, total / perChannel);
        }
        if (all.getInt("job.setting.speed.record", 0) > 0) {
            long total = all.getInt("job.setting.speed.record");
            Long perChannel = all.getLong("core.transport.channel.speed.record");
            if (perChannel == null || perChannel <= 0) {
                throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                        "[job.setting.speed.record] is set, so [core.transport.channel.speed.record] (records/s per"
                                + " channel) must be set to a positive number too.");
            }
            byRecord = (int) Math.max(1, total / perChannel);
        }
        int channels = Math.min(byByte, byRecord);
        if (channels < Integer.MAX_VALUE) {
            return channels;
        }
        if (all.getInt("job.setting.speed.channel", 0) > 0) {
            return all.getInt("job.setting.speed.channel");
        }
        throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                "The job speed must be set: [job.setting.speed.channel] (e.g. 1), or [job.setting.speed.byte] / "
                        + "[job.setting.speed.record] with the per-channel limits.");
    }
}
