package com.otsrange.cli;

import com.alibaba.fastjson.JSONObject;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/** `migrate --config export_config.json [--connection connection.json]`: job JSON on stdout. */
final class MigrateCommand implements Command {

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return "turn a Python exporter config (export_config.json) into a DataX job on stdout";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange migrate --config export_config.json [--connection connection.json] > job.json\n"
                + "  Prints an otsrangereader -> csvyearwriter DataX job equivalent to the exporter's config.\n"
                + "  What cannot be carried over is listed on stderr. Secrets are never copied: the job\n"
                + "  names the connection file (`connectionFile`, default config/connection.json as the\n"
                + "  exporter had it), which otsrangereader reads at run time.\n";
    }

    @Override
    public int run(List<String> args, Console console) {
        Options options = Options.parse(args, new HashSet<>(Arrays.asList("config", "connection")),
                Collections.<String>emptySet());
        if (!options.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + options.positional().get(0));
        }
        String configPath = options.require("config");
        JSONObject config = JsonFiles.readObject(console.resolve(configPath), "export config");
        String connectionPath = options.get("connection");
        JSONObject connection = connectionPath == null
                ? null : JsonFiles.readObject(console.resolve(connectionPath), "connection file");

        Migration migration = new ExporterConfigMigrator().migrate(config, connection, connectionPath);
        console.out().print(PrettyJson.format(migration.job()));
        for (String warning : migration.warnings()) {
            console.err().println("migrate: note: " + warning);
        }
        for (String warning : TaskFileScan.snakeCaseOperators(config.get("tasks"), console)) {
            console.err().println("migrate: note: " + warning);
        }
        return 0;
    }
}
