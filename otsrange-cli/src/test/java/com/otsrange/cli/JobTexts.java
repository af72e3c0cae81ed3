package com.otsrange.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Job texts DataX's engine reads in different ways, each with the verdict the real engine gives
 * it (tried on DataX built from alibaba/DataX, fastjson2 2.0.23 in its lib/): {@link Verdict#SYNTAX}
 * DataX refuses the text (Common-00); {@link Verdict#HIDDEN} DataX reads it but the plugin would
 * not see the value as written (a key written twice, a null, a number beyond a double), which
 * validate, our runner and the plugins under DataX refuse naming {@link Case#path}; {@link Verdict#OK}
 * DataX reads it as the job it looks like, and so do we.
 */
final class JobTexts {
    private JobTexts() {
    }

    enum Verdict { SYNTAX, HIDDEN, OK }

    static final String BASE_FILTERS = "{\"dim\": 0, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2024-01-02\"}}";

    static final class Case {
        final String name;
        final Verdict verdict;
        /** HIDDEN: the JSON path named, relative to the plugin (parameter...). */
        final String plugin;
        final String path;
        final String reader;
        final String writer;
        final String around;
        /** The reader's filters, instead of the base job's. */
        String filters = BASE_FILTERS;

        Case(String name, Verdict verdict, String plugin, String path, String reader, String writer, String around) {
            this.name = name;
            this.verdict = verdict;
            this.plugin = plugin;
            this.path = path;
            this.reader = reader;
            this.writer = writer;
            this.around = around;
        }

        @Override
        public String toString() {
            return name;
        }

        /** The job: otsrangereader (demo table, one device, one day) into csvyearwriter, with this case's text. */
        String job(String endpoint, String instance, String output) {
            String text = "{\n"
                    + "  \"core\": {\"container\": {\"job\": {\"sleepInterval\": 100}}},\n"
                    + "  \"job\": {\n"
                    + "    \"setting\": {\"speed\": {\"channel\": 1}},\n"
                    + "    \"content\": [{\n"
                    + "      \"reader\": {\n"
                    + "        \"name\": \"otsrangereader\",\n"
                    + "        \"parameter\": {\n"
                    + "          \"endpoint\": \"" + endpoint + "\", \"accessId\": \"id\", \"accessKey\": \"key\",\n"
                    + "          \"instanceName\": \"" + instance + "\", \"table\": \"sensor_data\",\n"
                    + "          \"filters\": " + filters + ",\n"
                    + "          \"tasks\": {\"source\": \"inline\", \"definitions\": {\"2309193932839\": [\"p34_1\"]}}" + reader + "\n"
                    + "        }\n"
                    + "      },\n"
                    + "      \"writer\": {\"name\": \"csvyearwriter\", \"parameter\": {\"path\": \"" + output + "\"" + writer + "}}\n"
                    + "    }]\n"
                    + "  }\n"
                    + "}\n";
            return around.replace("JOB", text.trim());
        }
    }

    static Case syntax(String name, String reader) {
        return new Case(name, Verdict.SYNTAX, null, null, reader, "", "JOB\n");
    }

    static Case wrapped(String name, Verdict verdict, String around) {
        return new Case(name, verdict, null, null, "", "", around);
    }

    static Case hidden(String name, String plugin, String path, String reader, String writer) {
        return new Case(name, Verdict.HIDDEN, plugin, path, reader, writer, "JOB\n");
    }

    static Case ok(String name, String reader, String writer) {
        return new Case(name, Verdict.OK, null, null, reader, writer, "JOB\n");
    }

    /** A case whose reader filters are these instead of the base job's. */
    static Case filtered(Case c, String filters) {
        c.filters = filters;
        return c;
    }

    static List<Case> all() {
        return Arrays.asList(
                syntax("a block comment", " /* tasks above */"),
                syntax("NaN", ", \"maxRetries\": NaN"),
                syntax("-Infinity", ", \"maxRetries\": -Infinity"),
                syntax("two commas in an array", ", \"appendColumns\": [\"ct\",, \"dim\"]"),
                syntax("a comma before the first member", ", \"schema\": {, \"partitionKey\": \"id\"}"),
                syntax("an unknown escape", ", \"timeZone\": \"\\q\""),
                syntax("True", ", \"resume\": True"),
                wrapped("a line comment after the job", Verdict.SYNTAX, "JOB // the job\n"),
                wrapped("text after the job", Verdict.SYNTAX, "JOB x\n"),
                wrapped("a cut-off job", Verdict.SYNTAX, "{\"job\": {\"content\": [\n"),
                hidden("a bare Infinity inside an object", "reader", "parameter.maxRetries", ", \"maxRetries\": Infinity", ""),
                filtered(hidden("a number beyond a double", "reader", "parameter.filters.ct.lt", "", ""),
                        "{\"dim\": 0, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": 1e400}}"),
                filtered(hidden("a negative number beyond a double", "reader", "parameter.filters.v.gt", "", ""),
                        "{\"dim\": 0, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2024-01-02\"}, \"v\": {\"gt\": -1e400}}"),
                filtered(hidden("a number that would be read as 0", "reader", "parameter.filters.v.gt", "", ""),
                        "{\"dim\": 0, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2024-01-02\"}, \"v\": {\"gt\": 1e-400}}"),
                hidden("a key written twice", "reader", "parameter.filters",
                        ", \"filters\": {\"dim\": 1, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2024-01-02\"}}", ""),
                hidden("a null in the reader", "reader", "parameter.shard", ", \"shard\": null", ""),
                hidden("a null in the writer", "writer", "parameter.dateFormat", "", ", \"dateFormat\": null"),
                hidden("a writer number beyond a double", "writer", "parameter.maxOpenFiles", "", ", \"maxOpenFiles\": 2E+999"),
                ok("a trailing comma", ",", ","),
                ok("single quotes and a bare key", ", 'timeZone': 'UTC', appendColumnsPosition: \"end\"", ""),
                ok("a missing comma between members", " \"timeUnit\": \"ms\"", ""),
                filtered(ok("+1 and .5 style numbers", ", \"maxRetries\": +3", ""),
                        "{\"dim\": 0, \"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2024-01-02\"}, \"p34_1\": {\"gt\": -.5e3}}"),
                ok("a trailing comma in an array", ", \"appendColumns\": [\"ct\",]", ""));
    }
}
