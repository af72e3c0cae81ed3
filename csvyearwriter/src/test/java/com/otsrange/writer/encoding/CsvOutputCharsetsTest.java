package com.otsrange.writer.encoding;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every charset this JVM can encode, every line separator: a file's start ({@link CsvOutput#start})
 * followed by its lines written through one {@link CsvOutput}, or through a new one for each piece
 * (parts, appends, a reopened part file), is the whole text encoded at once by the JDK
 * ({@code String.getBytes}): one byte order mark at most, at the start, and stateful encoders in step.
 */
class CsvOutputCharsetsTest {
    /** Characters from many scripts; each charset gets the ones it can encode. */
    private static final String CANDIDATES = "\u00fc\u00e9\u00df\u4e2d\u6587\u3042\u30a2\u0416\u03a9\u20ac\uac00\u05d0\u0627"
            + "\u0e01\u00a0\ud83d\ude00";

    /** What every file is made of besides the data; a charset without them cannot write CSV at all. */
    private static final String CSV_ITSELF = "id,text\"\r\n0123456789 acdeimstx";

    @Test
    void piecesCutAtLineEndsJoinIntoTheWholeTextEncodedAtOnce() throws IOException {
        List<String> failed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int tested = 0;
        for (Charset cs : Charset.availableCharsets().values()) {
            if (!cs.canEncode() || !cs.newEncoder().canEncode(CSV_ITSELF)) {
                continue;
            }
            for (String sep : new String[] {"\n", "\r\n", "\r"}) {
                List<String> lines = lines(cs, sep);
                String whole = String.join("", lines);
                byte[] expected = whole.getBytes(cs);
                byte[] start = CsvOutput.start(cs, sep);
                ByteArrayOutputStream once = new ByteArrayOutputStream();
                once.write(start);
                CsvOutput out = new CsvOutput(once, cs, sep, 64);
                for (String l : lines) {
                    out.write(l);
                }
                out.flush();
                ByteArrayOutputStream pieces = new ByteArrayOutputStream();
                pieces.write(start);
                for (String l : lines) {
                    CsvOutput piece = new CsvOutput(pieces, cs, sep, 64);
                    piece.write(l);
                    piece.flush();
                }
                String combination = cs.name() + " " + sep.replace("\r", "CR").replace("\n", "LF");
                if (!Arrays.equals(expected, once.toByteArray()) || !Arrays.equals(expected, pieces.toByteArray())) {
                    failed.add(combination);
                }
                if (EncodingCheck.problem(cs, sep) != null) {
                    refused.add(combination);
                }
                tested++;
            }
        }
        // the few encoders that reset their state only at an LF, with lineSeparator CR: the writer's
        // parameter check refuses exactly these, and every other combination keeps the promise
        assertEquals(Arrays.asList("ISO-2022-KR CR", "x-ISO-2022-CN-CNS CR", "x-ISO-2022-CN-GB CR"), failed);
        assertEquals(failed, refused);
        assertTrue(tested > 100 * 3, "combinations tested: " + tested);
    }

    @Test
    void onlyByteOrderMarkCharsetsHaveAStart() {
        List<String> withStart = new ArrayList<>();
        for (Charset cs : Charset.availableCharsets().values()) {
            if (cs.canEncode() && CsvOutput.start(cs, "\n").length > 0) {
                withStart.add(cs.name() + "=" + hex(CsvOutput.start(cs, "\n")));
            }
        }
        assertEquals(Arrays.asList("UTF-16=FEFF", "x-UTF-16LE-BOM=FFFE", "X-UTF-32BE-BOM=0000FEFF", "X-UTF-32LE-BOM=FFFE0000"), withStart);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x & 0xFF));
        }
        return sb.toString();
    }

    /** A header and rows holding the candidate characters the charset can encode, in runs and alone. */
    private static List<String> lines(Charset cs, String sep) {
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < CANDIDATES.length(); i += Character.charCount(CANDIDATES.codePointAt(i))) {
            String c = new String(Character.toChars(CANDIDATES.codePointAt(i)));
            if (cs.newEncoder().canEncode(c)) {
                ok.append(c);
            }
        }
        String s = ok.toString();
        List<String> lines = new ArrayList<>();
        lines.add("id,text" + sep);
        for (int i = 0; i < 40; i++) {
            String cell = i % 3 == 0 ? s : i % 3 == 1 ? "ascii " + i : s + " mixed " + i + " " + s;
            lines.add(i + "," + cell + sep);
        }
        return lines;
    }
}
