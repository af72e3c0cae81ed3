package com.otsrange.runner;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.AbstractPlugin;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.spi.Writer;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/** Instantiates a plugin's nested {@code Job} or {@code Task} class as DataX's LoadUtil does. */
final class PluginFactory {

    private final ClassLoader loader;

    PluginFactory(ClassLoader loader) {
        this.loader = loader;
    }

    <T extends AbstractPlugin> T create(PluginDescriptor plugin, String nested) {
        Class<?> expected = expected(plugin.type(), nested);
        String className = plugin.className() + "$" + nested;
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!expected.isAssignableFrom(type)) {
                throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR,
                        className + " does not extend " + expected.getName().replace('$', '.'));
            }
            if (!Modifier.isStatic(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR,
                        className + " must be a public static nested class");
            }
            Constructor<?> constructor = type.getConstructor();
            @SuppressWarnings("unchecked")
            T instance = (T) constructor.newInstance();
            instance.setPluginConf(plugin.pluginConf().clone());
            return instance;
        } catch (DataXException e) {
            throw e;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR, String.format(
                    "Plugin [%s] names class %s, but %s is not on the classpath (%s).", plugin.name(),
                    plugin.className(), className, e));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
            if (cause instanceof DataXException dx) {
                throw dx;
            }
            throw DataXException.asDataXException(FrameworkErrorCode.PLUGIN_INIT_ERROR, String.format(
                    "Cannot instantiate %s (needs a public no-arg constructor): %s", className, cause));
        }
    }

    private static Class<?> expected(PluginType type, String nested) {
        if (type == PluginType.READER) {
            return "Job".equals(nested) ? Reader.Job.class : Reader.Task.class;
        }
        return "Job".equals(nested) ? Writer.Job.class : Writer.Task.class;
    }
}
