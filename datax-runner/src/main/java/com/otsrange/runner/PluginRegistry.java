package com.otsrange.runner;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.otsrange.runner.builtin.StreamReader;
import com.otsrange.runner.builtin.StreamWriter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds plugins by name: first those registered in code (the built-in streamreader/streamwriter and
 * test plugins), then the classpath resource {@code plugin/<reader|writer>/<name>/plugin.json}, which
 * is where our plugin jars carry it (same layout as a DataX install).
 */
final class PluginRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Map<String, String> REGISTERED = new ConcurrentHashMap<>();

    static {
        register(PluginType.READER, "streamreader", StreamReader.class.getName());
        register(PluginType.WRITER, "streamwriter", StreamWriter.class.getName());
    }

    private PluginRegistry() {
    }

    static void register(PluginType type, String name, String className) {
        if (type == null || name == null || !NAME.matcher(name).matches() || className == null
                || className.isBlank()) {
            throw new IllegalArgumentException("registerPlugin needs a type, a name of [A-Za-z0-9_.-] and a class name;"
                    + " got " + type + ", " + name + ", " + className);
        }
        REGISTERED.put(key(type, name), className);
    }

    static PluginDescriptor find(PluginType type, String name, ClassLoader loader) {
        String path = "job.content[0]." + type.folder() + ".name";
        if (name == null || name.isBlank()) {
            throw DataXException.asDataXException(FrameworkErrorCode.CONFIG_ERROR,
                    "[" + path + "] is required: the name of the " + type.folder() + " plugin.");
        }
        String registered = REGISTERED.get(key(type, name));
        if (registered != null) {
            Map<String, Object> conf = new LinkedHashMap<>();
            conf.put("name", name);
            conf.put("class", registered);
            return new PluginDescriptor(type, name, registered, Configuration.from(conf), "registered");
        }
        if (!NAME.matcher(name).matches()) {
            throw notFound(type, name, path);
        }
        String resource = "plugin/" + type.folder() + "/" + name + "/plugin.json";
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(resource));
        } catch (IOException e) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR,
                    "Cannot list classpath resources " + resource + ": " + e);
        }
        if (urls.isEmpty()) {
            throw notFound(type, name, path);
        }
        List<PluginDescriptor> found = new ArrayList<>();
        for (URL url : urls) {
            found.add(read(type, name, url));
        }
        for (PluginDescriptor other : found) {
            if (!other.className().equals(found.get(0).className())) {
                throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR, String.format(
                        "Two %s plugins named [%s] on the classpath: %s (%s) and %s (%s).", type.folder(), name,
                        found.get(0).origin(), found.get(0).className(), other.origin(), other.className()));
            }
        }
        return found.get(0);
    }

    private static PluginDescriptor read(PluginType type, String name, URL url) {
        Configuration conf;
        try (InputStream in = url.openStream()) {
            conf = Configuration.from(in);
        } catch (IOException e) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR,
                    "Cannot read " + url + ": " + e);
        } catch (DataXException e) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR,
                    "Invalid plugin.json at " + url + ": " + e.getMessage());
        }
        String declared = conf.getString("name");
        String className = conf.getString("class");
        if (!name.equals(declared)) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR, String.format(
                    "%s declares name [%s] but lies in the folder of plugin [%s].", url, declared, name));
        }
        if (className == null || className.isBlank()) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR,
                    url + " has no [class].");
        }
        return new PluginDescriptor(type, name, className, conf, url.toString());
    }

    private static DataXException notFound(PluginType type, String name, String path) {
        return DataXException.asDataXException(FrameworkErrorCode.PLUGIN_NOT_FOUND, String.format(
                "No %s plugin named [%s] (from %s): neither registered nor found as classpath resource "
                        + "plugin/%s/%s/plugin.json. Put the plugin's jar on the classpath or check the name.",
                type.folder(), name, path, type.folder(), name));
    }

    private static String key(PluginType type, String name) {
        return type.folder() + "/" + name;
    }
}
