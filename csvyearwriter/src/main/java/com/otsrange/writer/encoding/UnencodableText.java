package com.otsrange.writer.encoding;

import com.otsrange.writer.error.WriterErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/**
 * A character of a row that {@code parameter.encoding} cannot encode (or a lone surrogate, which
 * no encoding can), as the encoder reported it: where it is in the row text and, once
 * {@code CsvRowFormatter} has placed it, in which cell. The sink turns it into CsvYearWriter-11
 * naming the encoding, the file, the column and the key ({@link #error}).
 */
public final class UnencodableText extends IOException {
    private static final long serialVersionUID = 1L;

    /** Position in the text handed to {@link CsvOutput#write}. */
    public final int index;
    final int codePoint;
    /** Not valid UTF-16 text (a lone surrogate) rather than a character the charset lacks. */
    final boolean malformed;
    /** 0-based cell of the row (or header), -1 while unknown. */
    final int cell;

    UnencodableText(int index, int codePoint, boolean malformed) {
        this(index, codePoint, malformed, -1);
    }

    private UnencodableText(int index, int codePoint, boolean malformed, int cell) {
        super("character " + describe(codePoint) + " at position " + index + " cannot be encoded");
        this.index = index;
        this.codePoint = codePoint;
        this.malformed = malformed;
        this.cell = cell;
    }

    /** The same character placed in cell {@code n} of the row. */
    public UnencodableText inCell(int n) {
        return new UnencodableText(index, codePoint, malformed, n);
    }

    /**
     * The job's error: nothing of {@code file} is committed (the sink's abort removes its temp file).
     *
     * @param file the final file's name relative to path
     * @param where the cell, e.g. {@code column 2 ("name") of the row with partition key "k"}
     */
    public DataXException error(Charset charset, String file, String where) {
        // the CSV's own characters (, " CR LF) are never the cause: EncodingCheck refuses a charset without them
        String what = malformed
                ? "a lone surrogate " + describe(codePoint) + ", which is not valid Unicode text in any encoding"
                : "the character " + describe(codePoint) + ", which parameter.encoding = \"" + charset.name()
                + "\" cannot represent";
        String fix = malformed ? "fix the source value (half of a UTF-16 surrogate pair)"
                : "choose an encoding that can represent every value, e.g. \"UTF-8\" (or \"GB18030\" for Chinese text),"
                + " or remove such characters from the source";
        return new DataXException(WriterErrorCode.UNENCODABLE, "cannot write " + file + " in " + charset.name() + ": "
                + where + " holds " + what + ". Nothing of this file was written under its"
                + " final name; files committed earlier are intact. Fix: " + fix);
    }

    /** This cell as a user knows it: {@code column 3 ("name")}, 1-based, with its header name when there is one. */
    public String column(List<String> names) {
        return "column " + (cell + 1) + (names != null && cell >= 0 && cell < names.size() ? " (\"" + names.get(cell) + "\")" : "");
    }

    private static String describe(int codePoint) {
        String hex = String.format(Locale.ROOT, "U+%04X", codePoint);
        boolean printable = !Character.isISOControl(codePoint) && Character.isDefined(codePoint)
                && Character.getType(codePoint) != Character.SURROGATE;
        return printable ? "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")" : hex;
    }
}
