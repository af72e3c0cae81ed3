package com.otsrange.common;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job file that DataX's engine in this JVM runs, read again by a plugin's Job. DataX's own
 * parse hides from the plugin what {@link StrictJson#hiddenFromPlugins} finds (the last of two
 * equal keys wins, null members are dropped, a number written with an exponent beyond a double's
 * range becomes Infinity and is dropped too), so the plugin looks at the text DataX was given: the
 * file named after {@code -job} on the engine's command line ({@code sun.java.command}, as
 * {@code datax.py} starts it), with {@code ${name}} replaced as DataX replaces it (a system
 * property that is set and not blank). Anywhere else (our runner, tests, a job fetched over
 * HTTP, an unreadable file) it finds nothing: the caller has checked the text itself or cannot.
 */
public final class DataxJobText {
    /** Where DataX takes the reader and the writer of a job from. */
    public static final String READER = "job.content[0].reader";
    public static final String WRITER = "job.content[0].writer";
    static final String ENGINE_MAIN = "com.alibaba.datax.core.Engine";
    /** DataX's StrUtil.replaceVariable pattern: "$", an optional "{", a word, an optional "}". */
    private static final Pattern VARIABLE = Pattern.compile("(\\$)\\{?(\\w+)\\}?");

    private DataxJobText() {
    }

    /**
     * What the plugin at {@code pluginPath} (e.g. {@code job.content[0].reader}) cannot see of its
     * parameter in the job file this JVM's DataX engine runs, each path relative to the plugin
     * ({@code parameter.filters.ct.lt}); empty when this JVM is not DataX's engine.
     */
    public static List<JsonProblem> hiddenFrom(String pluginPath) {
        return hiddenFrom(pluginPath, System.getProperty("sun.java.command"), System.getProperties());
    }

    static List<JsonProblem> hiddenFrom(String pluginPath, String command, Properties properties) {
        Path job = jobFile(command);
        if (job == null) {
            return Collections.emptyList();
        }
        String text;
        try {
            // DataX reads the file in the platform's charset (commons-io FileUtils.readFileToString)
            text = new String(Files.readAllBytes(job), Charset.defaultCharset());
        } catch (IOException | RuntimeException e) {
            return Collections.emptyList();
        }
        String prefix = pluginPath + ".";
        List<JsonProblem> out = new ArrayList<>();
        for (JsonProblem p : StrictJson.hiddenFromPlugins(substitute(text, properties), "")) {
            if (p.path().startsWith(prefix + "parameter")) {
                out.add(new JsonProblem(p.path().substring(prefix.length()), p.message() + " (in the job file DataX runs, " + job
                        + "; `bin/otsrange validate` lists the same)", p.code()));
            }
        }
        return out;
    }

    /** The job file of DataX's engine command line, or null: not the engine, no -job, or a URL. */
    static Path jobFile(String command) {
        if (command == null || !command.startsWith(ENGINE_MAIN + " ")) {
            return null;
        }
        // datax.py puts -job last; the path may hold spaces
        int at = command.lastIndexOf(" -job ");
        if (at < 0) {
            return null;
        }
        String path = command.substring(at + " -job ".length()).trim();
        if (path.isEmpty() || path.toLowerCase(Locale.ROOT).startsWith("http")) {
            return null;
        }
        try {
            return Paths.get(path);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** DataX's StrUtil.replaceVariable: each reference whose system property is set and not blank. */
    static String substitute(String text, Properties properties) {
        Matcher m = VARIABLE.matcher(text);
        StringBuffer out = new StringBuffer(text.length());
        while (m.find()) {
            String value = properties.getProperty(m.group(2));
            boolean blank = value == null || value.trim().isEmpty();
            m.appendReplacement(out, Matcher.quoteReplacement(blank ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
