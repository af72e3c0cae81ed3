package com.alibaba.datax.common.plugin;

import java.util.List;
import java.util.Map;

/** The messages tasks collected, readable by the Job plugin. */
public interface JobPluginCollector extends PluginCollector {

    Map<String, List<String>> getMessage();

    List<String> getMessage(String key);
}
