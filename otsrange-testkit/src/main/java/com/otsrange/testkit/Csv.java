package com.otsrange.testkit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Output files read back with commons-csv, the definition of the format in tests. */
public final class Csv {
    private Csv() {
    }

    /** Parses CSV text back: a missing cell (unquoted empty) is null, an empty string "". Header first. */
    public static List<List<String>> parse(byte[] content) throws IOException {
        return parse(new StringReader(new String(content, StandardCharsets.UTF_8)));
    }

    /** {@link #parse(byte[])} of a reader, which is closed. */
    public static List<List<String>> parse(Reader r) throws IOException {
        CSVFormat f = CSVFormat.RFC4180.builder().setNullString("").setQuoteMode(QuoteMode.ALL_NON_NULL).build();
        try (CSVParser p = f.parse(r)) {
            List<List<String>> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < rec.size(); i++) {
                    row.add(rec.get(i));
                }
                out.add(row);
            }
            return out;
        }
    }
}
