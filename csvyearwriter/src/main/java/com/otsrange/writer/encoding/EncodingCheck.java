package com.otsrange.writer.encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Whether {@code parameter.encoding} can write this writer's files: it must encode the CSV's own
 * characters, and text written in pieces cut at line ends (parts joined, appends, part files
 * reopened) must give the bytes of one whole write. The second fails for the few encoders that
 * leave their state only at an LF (ISO-2022-KR and ISO-2022-CN with {@code lineSeparator "\r"}):
 * they would designate their character set again in every piece. Probed once, when the parameter is
 * checked, with text in many scripts.
 */
public final class EncodingCheck {
    private static final String CSV_ITSELF = ",\"\r\n0123456789";
    /** Characters from many scripts; the probe uses the ones the charset can encode. */
    private static final String SCRIPTS = "\u00fc\u00e9\u00df\u4e2d\u6587\u3042\u30a2\u0416\u03a9\u20ac\uac00\u05d0\u0627\u0e01";

    private EncodingCheck() {
    }

    /** Why {@code charset} cannot write these files with {@code lineSeparator}, or null when it can. */
    public static String problem(Charset charset, String lineSeparator) {
        if (!charset.newEncoder().canEncode(CSV_ITSELF + lineSeparator)) {
            return "it cannot encode the comma, double quote, digits or line breaks every CSV file is made of; choose"
                    + " another charset, e.g. UTF-8, GBK, ISO-8859-1";
        }
        StringBuilder letters = new StringBuilder("ascii");
        for (char c : SCRIPTS.toCharArray()) {
            if (charset.newEncoder().canEncode(c)) {
                letters.append(c);
            }
        }
        String[] lines = {"h1,h2" + lineSeparator, "1," + letters + lineSeparator, "2,x" + lineSeparator,
            "3," + letters + " " + letters + lineSeparator};
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        try {
            CsvOutput once = new CsvOutput(whole, charset, lineSeparator, 256);
            for (String line : lines) {
                once.write(line);
                CsvOutput piece = new CsvOutput(pieces, charset, lineSeparator, 256);
                piece.write(line);
                piece.flush();
            }
            once.flush();
        } catch (IOException e) {
            return "it cannot encode the text it was probed with (" + e.getMessage() + ")";
        }
        if (!Arrays.equals(whole.toByteArray(), pieces.toByteArray())) {
            return "its encoder does not return to its initial state at the end of a line with this lineSeparator, so a"
                    + " file read in parts or appended to would not hold the bytes of one whole write; use lineSeparator"
                    + " \"\\n\" or \"\\r\\n\" with it, or another charset";
        }
        return null;
    }
}
