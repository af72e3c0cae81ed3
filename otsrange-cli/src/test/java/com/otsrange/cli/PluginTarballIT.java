package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.testkit.TarGz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The DataX plugin tarball built by `mvn package` from the root package.xml (CONTRACT section 1). */
class PluginTarballIT {

    static final String READER_DIR = "plugin/reader/otsrangereader/";
    static final String WRITER_DIR = "plugin/writer/csvyearwriter/";

    static Map<String, byte[]> entries;

    @BeforeAll
    static void readTarball() throws IOException {
        Path tarball = Paths.get(System.getProperty("otsrange.tarball", "../target/otsrange-datax-plugins.tar.gz"));
        assertTrue(Files.isRegularFile(tarball), "missing " + tarball.toAbsolutePath());
        entries = TarGz.read(tarball);
    }

    @Test
    void everyEntryIsUnderOneOfTheTwoPluginFolders() {
        for (String name : entries.keySet()) {
            boolean inside = name.startsWith(READER_DIR) || name.startsWith(WRITER_DIR);
            boolean parentDir = READER_DIR.startsWith(name) || WRITER_DIR.startsWith(name);
            assertTrue(inside || parentDir && name.endsWith("/"), "unexpected entry " + name);
        }
    }

    @Test
    void eachPluginFolderHasDescriptorTemplateJarAndLibs() {
        checkFolder(READER_DIR, "otsrangereader", "com.otsrange.reader.OtsRangeReader");
        checkFolder(WRITER_DIR, "csvyearwriter", "com.otsrange.writer.CsvYearWriter");
    }

    private void checkFolder(String dir, String name, String pluginClass) {
        JSONObject descriptor = JSON.parseObject(new String(file(dir + "plugin.json"), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(name, descriptor.getString("name"));
        assertEquals(pluginClass, descriptor.getString("class"));
        assertNotNull(descriptor.getString("description"), "plugin.json description");
        assertNotNull(descriptor.getString("developer"), "plugin.json developer");
        JSONObject template = JSON.parseObject(new String(file(dir + "plugin_job_template.json"), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(name, template.getString("name"), "plugin_job_template.json names its plugin");
        assertNotNull(template.getJSONObject("parameter"), "plugin_job_template.json has a parameter object");

        List<String> jars = names(dir, ".jar").stream().filter(n -> !n.contains("/libs/")).collect(Collectors.toList());
        assertEquals(1, jars.size(), "exactly one plugin jar in " + dir + ": " + jars);
        assertTrue(jars.get(0).matches(java.util.regex.Pattern.quote(dir + name + "-") + "[0-9][^/]*\\.jar"), jars.get(0));
        byte[] jar = file(jars.get(0));
        assertTrue(classNames(jar).contains(pluginClass + "$Job"), "Job in " + jars.get(0));
        assertTrue(classNames(jar).contains(pluginClass + "$Task"), "Task in " + jars.get(0));
        assertFalse(names(dir + "libs/", ".jar").isEmpty(), dir + "libs/ is empty");
    }

    @Test
    void libsHoldTheRuntimeDependenciesButNothingDataxProvides() {
        List<String> readerLibs = libNames(READER_DIR);
        List<String> writerLibs = libNames(WRITER_DIR);
        for (String expected : new String[] {"otsrange-common-", "otsrange-config-", "fastjson-1.", "tablestore-5.", "tablestore-shaded-protobuf-",
            "tablestore-shaded-httpasyncclient-", "guava-", "gson-", "joda-time-"}) {
            assertTrue(readerLibs.stream().anyMatch(n -> n.startsWith(expected)), "reader libs lack " + expected + ": " + readerLibs);
        }
        for (String expected : new String[] {"otsrange-common-", "otsrange-config-", "fastjson-1."}) {
            assertTrue(writerLibs.stream().anyMatch(n -> n.startsWith(expected)), "writer libs lack " + expected + ": " + writerLibs);
        }
        // the writer applies commons-csv's quoting itself; commons-csv is only its tests' oracle
        assertFalse(writerLibs.stream().anyMatch(n -> n.startsWith("commons-csv")), "commons-csv is test scope: " + writerLibs);
        List<String> all = new ArrayList<>(readerLibs);
        all.addAll(writerLibs);
        for (String lib : all) {
            for (String forbidden : new String[] {"datax-", "slf4j", "log4j", "logback", "junit", "otsrangereader", "csvyearwriter",
                "ots-emulator", "otsrange-cli"}) {
                assertFalse(lib.startsWith(forbidden), "libs/ must not contain " + lib);
            }
        }
        assertFalse(writerLibs.stream().anyMatch(n -> n.startsWith("tablestore")), "the writer does not need the SDK: " + writerLibs);
    }

    @Test
    void ourClassesAreJava8Bytecode() {
        List<String> ours = new ArrayList<>();
        for (String name : entries.keySet()) {
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (base.startsWith("otsrangereader-") || base.startsWith("csvyearwriter-") || base.startsWith("otsrange-common-")
                    || base.startsWith("otsrange-config-")) {
                ours.add(name);
            }
        }
        assertEquals(6, ours.size(), "two plugin jars, otsrange-common and otsrange-config twice: " + ours);
        for (String jarName : ours) {
            int classes = 0;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file(jarName)))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().endsWith(".class")) {
                        byte[] head = new byte[8];
                        int n = zip.readNBytes(head, 0, 8);
                        assertEquals(8, n);
                        int major = (head[6] & 0xff) << 8 | head[7] & 0xff;
                        assertEquals(52, major, jarName + "!" + e.getName() + " major version");
                        classes++;
                    }
                }
            } catch (IOException e) {
                fail(e);
            }
            assertTrue(classes > 0, "no classes in " + jarName);
        }
    }

    /**
     * Loads each plugin the way DataX does: a class loader over the plugin folder's jars whose parent
     * holds only what DataX's lib/ would (the DataX API and slf4j). A dependency missing from libs/
     * shows up here as NoClassDefFoundError.
     */
    @Test
    void pluginsLoadFromTheirFolderAlone(@TempDir Path installed) throws Exception {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().endsWith("/")) {
                Path target = installed.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
        }
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader dataxLib = new URLClassLoader(new URL[] {
                location("com.alibaba.datax.common.spi.Reader"),
                location("org.slf4j.LoggerFactory"),
                // datax-api's Configuration needs a JSON library, as DataX's lib/ has one
                location("com.alibaba.fastjson.JSON")}, platform);
             URLClassLoader reader = pluginLoader(installed.resolve(READER_DIR), dataxLib);
             URLClassLoader writer = pluginLoader(installed.resolve(WRITER_DIR), dataxLib)) {

            Object readerJob = reader.loadClass("com.otsrange.reader.OtsRangeReader$Job").getDeclaredConstructor().newInstance();
            assertSame(reader, readerJob.getClass().getClassLoader());
            reader.loadClass("com.otsrange.reader.OtsRangeReader$Task").getDeclaredConstructor().newInstance();
            Class<?> client = reader.loadClass("com.alicloud.openservices.tablestore.SyncClient");
            assertSame(reader, client.getClassLoader(), "the TableStore SDK comes from libs/");
            Object instance = client.getConstructor(String.class, String.class, String.class, String.class)
                    .newInstance("http://127.0.0.1:9", "id", "key", "inst");
            client.getMethod("shutdown").invoke(instance);

            Object writerJob = writer.loadClass("com.otsrange.writer.CsvYearWriter$Job").getDeclaredConstructor().newInstance();
            assertSame(writer, writerJob.getClass().getClassLoader());
            writer.loadClass("com.otsrange.writer.CsvYearWriter$Task").getDeclaredConstructor().newInstance();
            assertThrows(ClassNotFoundException.class, () -> writer.loadClass("org.apache.commons.csv.CSVFormat"),
                    "the writer runs without commons-csv");
        }
    }

    private static URLClassLoader pluginLoader(Path folder, ClassLoader parent) throws IOException {
        List<URL> urls = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList())) {
                urls.add(p.toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), parent);
    }

    private static URL location(String className) throws ClassNotFoundException {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation();
    }

    private static byte[] file(String name) {
        byte[] data = entries.get(name);
        assertNotNull(data, "missing " + name + " in " + new TreeSet<>(entries.keySet()));
        return data;
    }

    private static List<String> names(String dir, String suffix) {
        return entries.keySet().stream().filter(n -> n.startsWith(dir) && n.endsWith(suffix)).sorted().collect(Collectors.toList());
    }

    private static List<String> libNames(String dir) {
        return names(dir + "libs/", ".jar").stream().map(n -> n.substring(n.lastIndexOf('/') + 1)).collect(Collectors.toList());
    }

    private static List<String> classNames(byte[] jar) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".class")) {
                    names.add(e.getName().replace('/', '.').replaceAll("\\.class$", ""));
                }
            }
        } catch (IOException e) {
            fail(e);
        }
        return names;
    }
}
