package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.base.BaseObject;
import com.alibaba.datax.common.util.Configuration;

import java.util.List;

/**
 * State the engine injects into a plugin: its job parameter, its plugin.json ({@code pluginConf}),
 * and, on the Job side only, the other plugin's job parameter and name.
 */
public abstract class AbstractPlugin extends BaseObject implements Pluginable {

    private Configuration pluginJobConf;
    private Configuration pluginConf;
    private Configuration peerPluginJobConf;
    private String peerPluginName;
    private List<Configuration> readerPluginSplitConf;

    @Override
    public String getPluginName() {
        return pluginConf == null ? null : pluginConf.getString("name");
    }

    @Override
    public String getDeveloper() {
        return pluginConf == null ? null : pluginConf.getString("developer");
    }

    @Override
    public String getDescription() {
        return pluginConf == null ? null : pluginConf.getString("description");
    }

    @Override
    public Configuration getPluginJobConf() {
        return pluginJobConf;
    }

    @Override
    public void setPluginJobConf(Configuration pluginJobConf) {
        this.pluginJobConf = pluginJobConf;
    }

    @Override
    public void setPluginConf(Configuration pluginConf) {
        this.pluginConf = pluginConf;
    }

    @Override
    public Configuration getPeerPluginJobConf() {
        return peerPluginJobConf;
    }

    @Override
    public void setPeerPluginJobConf(Configuration peerPluginJobConf) {
        this.peerPluginJobConf = peerPluginJobConf;
    }

    @Override
    public String getPeerPluginName() {
        return peerPluginName;
    }

    @Override
    public void setPeerPluginName(String peerPluginName) {
        this.peerPluginName = peerPluginName;
    }

    public void preCheck() {
    }

    public void prepare() {
    }

    public void post() {
    }

    public void preHandler(Configuration jobConfiguration) {
    }

    public void postHandler(Configuration jobConfiguration) {
    }

    public List<Configuration> getReaderPluginSplitConf() {
        return readerPluginSplitConf;
    }

    public void setReaderPluginSplitConf(List<Configuration> readerPluginSplitConf) {
        this.readerPluginSplitConf = readerPluginSplitConf;
    }
}
