package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.util.Configuration;

/** What the engine sets on and calls on every plugin object (Job or Task side). */
public interface Pluginable {

    String getDeveloper();

    String getDescription();

    void setPluginConf(Configuration pluginConf);

    void init();

    void destroy();

    String getPluginName();

    Configuration getPluginJobConf();

    Configuration getPeerPluginJobConf();

    String getPeerPluginName();

    void setPluginJobConf(Configuration jobConf);

    void setPeerPluginJobConf(Configuration peerPluginJobConf);

    void setPeerPluginName(String peerPluginName);
}
