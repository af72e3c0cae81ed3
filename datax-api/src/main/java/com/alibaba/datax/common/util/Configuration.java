package com.alibaba.datax.common.util;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.spi.ErrorCode;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;
import com.alibaba.fastjson.serializer.SerializerFeature;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON document addressed by paths such as {@code job.content[0].reader.parameter}, as DataX's
 * Configuration. The tree holds only plain {@code java.util} Maps and Lists, Strings, Booleans and
 * numbers (Integer/Long/BigInteger/BigDecimal), so nothing handed out ties a plugin to the JSON library.
 *
 * <p>{@link #from(String)} first replaces {@code $name} / {@code ${name}} by the system property
 * {@code name} when it is set and not blank (that is how {@code datax.py -p "-Dname=value"} reaches
 * the job), and leaves the text as is otherwise. Every copy ({@link #clone()},
 * {@link #getConfiguration(String)}, ...) goes through {@code from(String)} again, as in DataX.
 */
public class Configuration {

    private static final Pattern VARIABLE = Pattern.compile("(\\$)\\{?(\\w+)\\}?");

    // "@type" must stay an ordinary key: never instantiate classes named by the input
    private static final Feature[] PARSE_FEATURES = {Feature.OrderedField, Feature.DisableSpecialKeyDetect};

    private static final SerializerFeature[] WRITE_FEATURES = {SerializerFeature.DisableCircularReferenceDetect};

    private Set<String> secretKeyPathSet = new HashSet<String>();

    private Object root;

    private Configuration(final String json) {
        try {
            this.root = plain(JSON.parse(json, PARSE_FEATURES));
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("The configuration is not valid JSON: %s . Please provide standard JSON.",
                            e.getMessage()));
        }
    }

    public static Configuration newDefault() {
        return from("{}");
    }

    public static Configuration from(String json) {
        json = replaceVariables(json);
        if (isBlank(json)) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    "The configuration is not valid JSON: it must not be blank.");
        }
        try {
            return new Configuration(json);
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR, e);
        }
    }

    public static Configuration from(File file) {
        InputStream in = null;
        try {
            in = new FileInputStream(file);
            return from(readUtf8(in));
        } catch (FileNotFoundException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("The configuration file [%s] does not exist.", file.getAbsolutePath()));
        } catch (IOException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("The configuration file [%s] could not be read: %s", file.getAbsolutePath(), e));
        } finally {
            closeQuietly(in);
        }
    }

    public static Configuration from(InputStream is) {
        try {
            return from(readUtf8(is));
        } catch (IOException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("The configuration could not be read: %s", e));
        }
    }

    public static Configuration from(final Map<String, Object> object) {
        return from(toJSONString(object));
    }

    public static Configuration from(final List<Object> object) {
        return from(toJSONString(object));
    }

    public String getNecessaryValue(String key, ErrorCode errorCode) {
        String value = getString(key, null);
        if (isBlank(value)) {
            throw DataXException.asDataXException(errorCode,
                    String.format("Configuration error: [%s] is required and must not be empty or blank.", key));
        }
        return value;
    }

    /** Blank counts as absent; never throws despite the error code parameter (as in DataX). */
    public String getUnnecessaryValue(String key, String defaultValue, ErrorCode errorCode) {
        String value = getString(key, defaultValue);
        if (isBlank(value)) {
            value = defaultValue;
        }
        return value;
    }

    public Boolean getNecessaryBool(String key, ErrorCode errorCode) {
        Boolean value = getBool(key);
        if (value == null) {
            throw DataXException.asDataXException(errorCode,
                    String.format("Configuration error: [%s] is required and must not be empty or blank.", key));
        }
        return value;
    }

    /** The object at {@code path} ("" = root), or null when any step is missing, null or of the wrong kind. */
    public Object get(final String path) {
        checkPath(path);
        try {
            return findObject(path);
        } catch (Exception e) {
            return null;
        }
    }

    /** A deep copy of the subtree at {@code path}, or null. */
    public Configuration getConfiguration(final String path) {
        Object object = get(path);
        if (null == object) {
            return null;
        }
        return from(toJSONString(object));
    }

    /** String.valueOf of the value; Maps and Lists come back as JSON text, as DataX's JSON types print. */
    public String getString(final String path) {
        Object value = get(path);
        if (null == value) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            return toJSONString(value);
        }
        return String.valueOf(value);
    }

    public String getString(final String path, final String defaultValue) {
        String result = getString(path);
        return null == result ? defaultValue : result;
    }

    /** The value's text must be exactly one character. */
    public Character getChar(final String path) {
        String result = getString(path);
        if (null == result) {
            return null;
        }
        if (result.isEmpty()) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("Configuration error: the value at [%s] is invalid, expected a character: "
                            + "The String must not be empty", path));
        }
        return result.charAt(0);
    }

    public Character getChar(final String path, char defaultValue) {
        Character result = getChar(path);
        return null == result ? defaultValue : result;
    }

    /** Only "true"/"false" in any case; anything else is CONFIG_ERROR. */
    public Boolean getBool(final String path) {
        String result = getString(path);
        if (null == result) {
            return null;
        }
        if ("true".equalsIgnoreCase(result)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(result)) {
            return Boolean.FALSE;
        }
        throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                String.format("Configuration error: the value [%s] at [%s] cannot be converted to bool "
                        + "(expected true or false).", result, path));
    }

    public Boolean getBool(final String path, boolean defaultValue) {
        Boolean result = getBool(path);
        return null == result ? defaultValue : result;
    }

    /** Integer.valueOf of the value's text: "1.0" or "" are CONFIG_ERROR. */
    public Integer getInt(final String path) {
        String result = getString(path);
        if (null == result) {
            return null;
        }
        try {
            return Integer.valueOf(result);
        } catch (Exception e) {
            throw invalidNumber(path, "an integer", e);
        }
    }

    public Integer getInt(final String path, int defaultValue) {
        Integer result = getInt(path);
        return null == result ? defaultValue : result;
    }

    /** Long.valueOf of the value's text; a blank value counts as absent. */
    public Long getLong(final String path) {
        String result = getString(path);
        if (isBlank(result)) {
            return null;
        }
        try {
            return Long.valueOf(result);
        } catch (Exception e) {
            throw invalidNumber(path, "an integer", e);
        }
    }

    public Long getLong(final String path, long defaultValue) {
        Long result = getLong(path);
        return null == result ? defaultValue : result;
    }

    /** Double.valueOf of the value's text; a blank value counts as absent. */
    public Double getDouble(final String path) {
        String result = getString(path);
        if (isBlank(result)) {
            return null;
        }
        try {
            return Double.valueOf(result);
        } catch (Exception e) {
            throw invalidNumber(path, "a floating point number", e);
        }
    }

    public Double getDouble(final String path, double defaultValue) {
        Double result = getDouble(path);
        return null == result ? defaultValue : result;
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(final String path) {
        return get(path, List.class);
    }

    /** Elements converted to {@code t} through JSON (e.g. Maps to beans). */
    public <T> List<T> getListWithJson(final String path, Class<T> t) {
        Object object = get(path, List.class);
        if (null == object) {
            return null;
        }
        return JSON.parseArray(toJSONString(object), t);
    }

    /** A new list of the same elements, unchecked: no element conversion, as in DataX. */
    @SuppressWarnings("unchecked")
    public <T> List<T> getList(final String path, Class<T> t) {
        Object object = get(path, List.class);
        if (null == object) {
            return null;
        }
        List<T> result = new ArrayList<T>();
        for (final Object each : (List<Object>) object) {
            result.add((T) each);
        }
        return result;
    }

    public List<Object> getList(final String path, final List<Object> defaultList) {
        List<Object> list = getList(path);
        return null == list ? defaultList : list;
    }

    public <T> List<T> getList(final String path, final List<T> defaultList, Class<T> t) {
        List<T> list = getList(path, t);
        return null == list ? defaultList : list;
    }

    public List<Configuration> getListConfiguration(final String path) {
        List<Object> lists = getList(path);
        if (lists == null) {
            return null;
        }
        List<Configuration> result = new ArrayList<Configuration>();
        for (final Object object : lists) {
            result.add(from(toJSONString(object)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(final String path) {
        return get(path, Map.class);
    }

    @SuppressWarnings("unchecked")
    public <T> Map<String, T> getMap(final String path, Class<T> t) {
        Map<String, Object> map = get(path, Map.class);
        if (null == map) {
            return null;
        }
        Map<String, T> result = new HashMap<String, T>();
        for (final Map.Entry<String, Object> entry : map.entrySet()) {
            result.put(entry.getKey(), (T) entry.getValue());
        }
        return result;
    }

    public Map<String, Object> getMap(final String path, final Map<String, Object> defaultMap) {
        Map<String, Object> map = getMap(path);
        return null == map ? defaultMap : map;
    }

    public <T> Map<String, T> getMap(final String path, final Map<String, T> defaultMap, Class<T> t) {
        Map<String, T> result = getMap(path, t);
        return null == result ? defaultMap : result;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Configuration> getMapConfiguration(final String path) {
        Map<String, Object> map = get(path, Map.class);
        if (null == map) {
            return null;
        }
        Map<String, Configuration> result = new HashMap<String, Configuration>();
        for (final Map.Entry<String, Object> entry : map.entrySet()) {
            result.put(entry.getKey(), from(toJSONString(entry.getValue())));
        }
        return result;
    }

    /** Unchecked cast of {@link #get(String)}: a wrong type fails where the caller uses the value. */
    @SuppressWarnings("unchecked")
    public <T> T get(final String path, Class<T> clazz) {
        checkPath(path);
        return (T) get(path);
    }

    public String beautify() {
        return JSON.toJSONString(getInternal(), SerializerFeature.PrettyFormat,
                SerializerFeature.DisableCircularReferenceDetect);
    }

    /**
     * Puts {@code object} at {@code path}, creating (or replacing with) Maps and Lists on the way;
     * Lists grow with nulls up to the index. A Configuration value (or one inside a List/Map value) is
     * stored as its tree. Returns the previous value or null.
     */
    public Object set(final String path, final Object object) {
        checkPath(path);
        Object result = get(path);
        setObject(path, extractConfiguration(object));
        return result;
    }

    /** Leaf paths, e.g. {@code a.b.c[0]}, {@code x}. */
    public Set<String> getKeys() {
        Set<String> collect = new HashSet<String>();
        collectKeys(getInternal(), "", collect);
        return collect;
    }

    /** Sets the value at {@code path} to null; a missing path is RUNTIME_ERROR. */
    public Object remove(final String path) {
        final Object result = get(path);
        if (null == result) {
            throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                    String.format("The configuration key [%s] does not exist.", path));
        }
        set(path, null);
        return result;
    }

    /** Copies every leaf of {@code another}; on conflict it wins only when {@code updateWhenConflict}. */
    public Configuration merge(final Configuration another, boolean updateWhenConflict) {
        for (final String key : another.getKeys()) {
            if (updateWhenConflict || get(key) == null) {
                set(key, another.get(key));
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return toJSON();
    }

    public String toJSON() {
        return toJSONString(getInternal());
    }

    /** Deep copy through JSON text, keeping the secret key paths. */
    @Override
    public Configuration clone() {
        Configuration config = from(toJSONString(getInternal()));
        config.addSecretKeyPath(this.secretKeyPathSet);
        return config;
    }

    public void addSecretKeyPath(String path) {
        if (!isBlank(path)) {
            this.secretKeyPathSet.add(path);
        }
    }

    public void addSecretKeyPath(Set<String> pathSet) {
        if (pathSet != null) {
            this.secretKeyPathSet.addAll(pathSet);
        }
    }

    public void setSecretKeyPathSet(Set<String> keyPathSet) {
        if (keyPathSet != null) {
            this.secretKeyPathSet = keyPathSet;
        }
    }

    public boolean isSecretPath(String path) {
        return this.secretKeyPathSet.contains(path);
    }

    public Object getInternal() {
        return this.root;
    }

    public Set<String> getSecretKeyPathSet() {
        return secretKeyPathSet;
    }

    // ------------------------------------------------------------------ internals

    /** $name or ${name} -> system property, when set and not blank. */
    static String replaceVariables(final String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuffer out = new StringBuffer();
        while (matcher.find()) {
            String value = System.getProperty(matcher.group(2));
            String replacement = isBlank(value) ? matcher.group() : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object plain(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<String, Object>();
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
                copy.put(entry.getKey(), plain(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<Object>(((List<Object>) value).size());
            for (Object each : (List<Object>) value) {
                copy.add(plain(each));
            }
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private void collectKeys(final Object current, String path, Set<String> collect) {
        if (current instanceof Map) {
            for (final Map.Entry<String, Object> entry : ((Map<String, Object>) current).entrySet()) {
                String key = entry.getKey().trim();
                collectKeys(entry.getValue(), isBlank(path) ? key : path + "." + key, collect);
            }
        } else if (current instanceof List) {
            List<Object> list = (List<Object>) current;
            for (int i = 0; i < list.size(); i++) {
                collectKeys(list.get(i), path + "[" + i + "]", collect);
            }
        } else {
            collect.add(path);
        }
    }

    private void setObject(final String path, final Object object) {
        Object newRoot = setRecursive(this.root, splitPath(path), 0, object);
        if (newRoot instanceof Map || newRoot instanceof List) {
            this.root = newRoot;
            return;
        }
        throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                String.format("The value [%s] cannot be the root of a configuration (path [%s]).", object, path));
    }

    @SuppressWarnings("unchecked")
    private static Object extractConfiguration(final Object object) {
        if (object instanceof Configuration) {
            return ((Configuration) object).getInternal();
        }
        if (object instanceof List) {
            List<Object> result = new ArrayList<Object>();
            for (final Object each : (List<Object>) object) {
                result.add(unwrap(each));
            }
            return result;
        }
        if (object instanceof Map) {
            Map<String, Object> result = new LinkedHashMap<String, Object>();
            for (final Map.Entry<String, Object> entry : ((Map<String, Object>) object).entrySet()) {
                result.put(entry.getKey(), unwrap(entry.getValue()));
            }
            return result;
        }
        return object;
    }

    private static Object unwrap(final Object object) {
        return object instanceof Configuration ? ((Configuration) object).getInternal() : object;
    }

    /** Builds the chain of new Maps/Lists that {@code paths} describes, with {@code value} at the end. */
    private static Object build(final List<String> paths, final Object value) {
        if (paths.size() == 1 && isBlank(paths.get(0))) {
            return value;
        }
        Object child = value;
        for (int i = paths.size() - 1; i >= 0; i--) {
            String segment = paths.get(i);
            if (isMapSegment(segment)) {
                Map<String, Object> map = new LinkedHashMap<String, Object>();
                map.put(segment, child);
                child = map;
            } else if (isListSegment(segment)) {
                int index = indexOf(segment);
                List<Object> list = grow(new ArrayList<Object>(index + 1), index + 1);
                list.set(index, child);
                child = list;
            } else {
                throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                        String.format("Path [%s] has an invalid segment [%s].", join(paths), segment));
            }
        }
        return child;
    }

    @SuppressWarnings("unchecked")
    private static Object setRecursive(Object current, final List<String> paths, int index, final Object value) {
        if (index == paths.size()) {
            return value;
        }
        String segment = paths.get(index).trim();
        List<String> rest = paths.subList(index + 1, paths.size());
        if (isMapSegment(segment)) {
            if (!(current instanceof Map)) {
                Map<String, Object> map = new LinkedHashMap<String, Object>();
                map.put(segment, build(rest, value));
                return map;
            }
            Map<String, Object> map = (Map<String, Object>) current;
            if (!map.containsKey(segment)) {
                map.put(segment, build(rest, value));
                return map;
            }
            map.put(segment, setRecursive(map.get(segment), paths, index + 1, value));
            return map;
        }
        if (isListSegment(segment)) {
            int listIndex = indexOf(segment);
            if (!(current instanceof List)) {
                List<Object> list = grow(new ArrayList<Object>(), listIndex + 1);
                list.set(listIndex, build(rest, value));
                return list;
            }
            List<Object> list = grow((List<Object>) current, listIndex + 1);
            if (list.get(listIndex) == null) {
                list.set(listIndex, build(rest, value));
                return list;
            }
            list.set(listIndex, setRecursive(list.get(listIndex), paths, index + 1, value));
            return list;
        }
        throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                String.format("Path [%s] has an invalid segment [%s].", join(paths), segment));
    }

    @SuppressWarnings("unchecked")
    private Object findObject(final String path) {
        if (isBlank(path)) {
            return this.root;
        }
        Object target = this.root;
        for (final String segment : splitPath(path)) {
            if (isMapSegment(segment)) {
                if (!(target instanceof Map)) {
                    throw new IllegalArgumentException("[" + segment + "] needs a JSON object");
                }
                target = ((Map<String, Object>) target).get(segment);
                if (target == null) {
                    throw new IllegalArgumentException("[" + segment + "] is null");
                }
            } else {
                if (!(target instanceof List)) {
                    throw new IllegalArgumentException("[" + segment + "] needs a JSON array");
                }
                String digits = segment.replace("[", "").replace("]", "");
                if (!isNumeric(digits)) {
                    throw new IllegalArgumentException("list index must be a number: " + digits);
                }
                target = ((List<Object>) target).get(Integer.parseInt(digits));
            }
        }
        return target;
    }

    private static List<Object> grow(List<Object> list, int size) {
        while (list.size() < size) {
            list.add(null);
        }
        return list;
    }

    private static boolean isListSegment(final String segment) {
        return segment.contains("[") && segment.contains("]");
    }

    private static boolean isMapSegment(final String segment) {
        return !isBlank(segment) && !isListSegment(segment);
    }

    private static int indexOf(final String segment) {
        return Integer.valueOf(segment.replace("[", "").replace("]", ""));
    }

    /** "a.b[0].c" -> [a, b, [0], c]; empty pieces are dropped. */
    private static List<String> splitPath(final String path) {
        return tokens(path.replace("[", ".["));
    }

    private static List<String> tokens(String text) {
        List<String> result = new ArrayList<String>();
        for (String piece : text.split("\\.", -1)) {
            if (!piece.isEmpty()) {
                result.add(piece);
            }
        }
        return result;
    }

    private static void checkPath(final String path) {
        if (null == path) {
            throw new IllegalArgumentException("Configuration path must not be null.");
        }
        for (final String each : tokens(path)) {
            if (isBlank(each)) {
                throw new IllegalArgumentException(String.format(
                        "Configuration path [%s] is invalid: no blank segments allowed.", path));
            }
        }
    }

    private static String toJSONString(final Object object) {
        return JSON.toJSONString(object, WRITE_FEATURES);
    }

    private DataXException invalidNumber(String path, String expected, Exception e) {
        return DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                String.format("Configuration error: the value at [%s] is invalid, expected %s: %s", path, expected,
                        e.getMessage()));
    }

    private static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumeric(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<String> paths) {
        StringBuilder text = new StringBuilder();
        for (String path : paths) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(path);
        }
        return text.toString();
    }

    private static String readUtf8(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return new String(out.toByteArray(), Charset.forName("UTF-8"));
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing useful to do after a successful read
            }
        }
    }
}
