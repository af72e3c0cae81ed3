package com.otsrange.config;

import com.otsrange.reader.config.ReaderParams;
import com.otsrange.writer.config.WriterParams;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static com.otsrange.config.ParamDocs.Column.DEFAULT;
import static com.otsrange.config.ParamDocs.Column.MEANING;
import static com.otsrange.config.ParamDocs.Column.PARAMETER;
import static com.otsrange.config.ParamDocs.Column.SUMMARY;
import static com.otsrange.config.ParamDocs.Column.TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parameter tables of README.md, docs/reader.md and docs/writer.md (between the markers
 * {@code <!-- params:NAME -->} and {@code <!-- /params:NAME -->}) and both
 * {@code plugin_job_template.json} are what the declarations render. When a declaration changes,
 * regenerate them: {@code mvn -pl otsrange-config -am test -Dtest=ParameterDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dotsrange.updateDocs=true}.
 */
class ParameterDocsTest {
    static final Path ROOT = Paths.get("").toAbsolutePath().getParent();
    static final boolean UPDATE = Boolean.getBoolean("otsrange.updateDocs");
    static final String HOW = "; regenerate with: mvn -pl otsrange-config -am test -Dtest=ParameterDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dotsrange.updateDocs=true";

    @Test
    void readerDocs() throws IOException {
        section("docs/reader.md", "reader", ParamDocs.table(ReaderParams.MAIN, PARAMETER, TYPE, DEFAULT, MEANING));
        section("docs/reader.md", "reader-tuning", ParamDocs.table(ReaderParams.TUNING, PARAMETER, DEFAULT, MEANING));
    }

    @Test
    void writerDocs() throws IOException {
        section("docs/writer.md", "writer", ParamDocs.table(WriterParams.COMMON, PARAMETER, DEFAULT, MEANING));
        section("docs/writer.md", "writer-generic", ParamDocs.table(WriterParams.GENERIC, PARAMETER, DEFAULT, MEANING));
    }

    @Test
    void readmeTables() throws IOException {
        section("README.md", "reader", ParamDocs.table(ReaderParams.MAIN, PARAMETER, SUMMARY));
        section("README.md", "reader-tuning", ParamDocs.table(ReaderParams.TUNING, PARAMETER, DEFAULT, SUMMARY));
        section("README.md", "writer", ParamDocs.table(WriterParams.COMMON, PARAMETER, SUMMARY));
    }

    @Test
    void jobTemplates() throws IOException {
        whole("otsrangereader/src/main/resources/plugin/reader/otsrangereader/plugin_job_template.json",
                ParamDocs.template("otsrangereader", ReaderParams.ALL));
        whole("csvyearwriter/src/main/resources/plugin/writer/csvyearwriter/plugin_job_template.json",
                ParamDocs.template("csvyearwriter", new ArrayList<Param<?>>(WriterParams.COMMON)));
    }

    /** Every parameter a plugin reads is in its docs: a declaration without a doc line fails here. */
    @Test
    void everyParameterIsDocumented() {
        List<Param<?>> all = new ArrayList<>(ReaderParams.ALL);
        all.addAll(WriterParams.COMMON);
        all.addAll(WriterParams.GENERIC);
        for (Param<?> p : all) {
            assertTrue(p.doc() != null && !p.doc().isEmpty(), p.name() + " has no doc line");
        }
    }

    private static void section(String file, String name, String rendered) throws IOException {
        Path path = ROOT.resolve(file);
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        String begin = "<!-- params:" + name + " -->\n";
        String end = "<!-- /params:" + name + " -->";
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        assertTrue(a >= 0 && b > a, file + " lacks the markers " + begin.trim() + " ... " + end);
        String current = text.substring(a + begin.length(), b);
        if (UPDATE && !current.equals(rendered)) {
            Files.write(path, (text.substring(0, a + begin.length()) + rendered + text.substring(b)).getBytes(StandardCharsets.UTF_8));
            return;
        }
        assertEquals(rendered, current, file + " section " + name + " differs from the declarations" + HOW);
    }

    private static void whole(String file, String rendered) throws IOException {
        Path path = ROOT.resolve(file);
        String current = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        if (UPDATE && !current.equals(rendered)) {
            Files.write(path, rendered.getBytes(StandardCharsets.UTF_8));
            return;
        }
        assertEquals(rendered, current, file + " differs from the declarations" + HOW);
    }
}
