package com.otsrange.runner;

import com.alibaba.datax.common.util.Configuration;

/** A plugin found by name: its class and its plugin.json (given to the plugin as pluginConf). */
record PluginDescriptor(PluginType type, String name, String className, Configuration pluginConf, String origin) {
}
