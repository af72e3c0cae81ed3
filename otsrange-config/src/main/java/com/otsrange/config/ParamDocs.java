package com.otsrange.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter tables of the docs and the plugins' {@code plugin_job_template.json}, rendered
 * from the declarations ({@link Param}), so the docs cannot drift from what the parsers read.
 * {@code ParameterDocsTest} compares them with the files and rewrites them with
 * {@code -Dotsrange.updateDocs=true}.
 */
public final class ParamDocs {
    /** A column of a parameter table. */
    public enum Column {
        PARAMETER("parameter"), TYPE("type"), DEFAULT("default"), MEANING("meaning"), SUMMARY("meaning");

        private final String title;

        Column(String title) {
            this.title = title;
        }
    }

    private ParamDocs() {
    }

    /**
     * A markdown table, one row per parameter. With {@link Column#SUMMARY} (README's short tables)
     * a parameter without a summary shares the row of the one before it.
     */
    public static String table(List<Param<?>> params, Column... columns) {
        StringBuilder sb = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Column c : columns) {
            sb.append(' ').append(c.title).append(" |");
            rule.append("---|");
        }
        sb.append('\n').append(rule).append('\n');
        boolean grouped = Arrays.asList(columns).contains(Column.SUMMARY);
        List<List<Param<?>>> rows = new ArrayList<>();
        for (Param<?> p : params) {
            if (grouped && p.summary() == null && !rows.isEmpty()) {
                rows.get(rows.size() - 1).add(p);
            } else {
                List<Param<?>> row = new ArrayList<>();
                row.add(p);
                rows.add(row);
            }
        }
        for (List<Param<?>> row : rows) {
            sb.append('|');
            for (Column c : columns) {
                sb.append(' ').append(cell(row, c)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(List<Param<?>> row, Column c) {
        Param<?> p = row.get(0);
        switch (c) {
            case PARAMETER: {
                StringBuilder sb = new StringBuilder();
                for (Param<?> q : row) {
                    sb.append(sb.length() == 0 ? "" : ", ").append('`').append(q.name()).append('`');
                }
                return sb.toString();
            }
            case TYPE:
                return p.docType();
            case DEFAULT:
                return p.docDefault();
            case MEANING:
                return p.doc();
            default:
                return p.summary();
        }
    }

    /** {@code plugin_job_template.json}: the plugin's name and every parameter that has an example, in order. */
    public static String template(String pluginName, List<Param<?>> params) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        for (Param<?> p : params) {
            if (p.example() != null) {
                parameter.put(p.name(), p.example());
            }
        }
        StringBuilder sb = new StringBuilder("{\n  \"name\": ").append(Json.compact(pluginName)).append(",\n  \"parameter\": {\n");
        int i = 0;
        for (Map.Entry<String, Object> e : parameter.entrySet()) {
            sb.append("    ").append(Json.compact(e.getKey())).append(": ").append(Json.compact(e.getValue()))
                    .append(++i < parameter.size() ? ",\n" : "\n");
        }
        return sb.append("  }\n}\n").toString();
    }
}
