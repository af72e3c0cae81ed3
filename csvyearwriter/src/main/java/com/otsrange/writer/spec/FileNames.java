package com.otsrange.writer.spec;

import com.otsrange.writer.error.WriterErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.FileNamePattern;

/**
 * The final file name of a key and time. A name that cannot be made (a segment over the file
 * system's limit of {@value FileNamePattern#MAX_SEGMENT_BYTES} bytes even with the key shortened)
 * depends on the key, so it is found at run time: CsvYearWriter-06 naming the key and the limit,
 * nothing written for it.
 */
public final class FileNames {
    private FileNames() {
    }

    /** The name relative to path ('/'-separated). */
    public static String render(WriterSpec spec, String keyText, long epochMillis) {
        try {
            return spec.fileName().render(keyText, spec.table(), epochMillis, spec.timeZone());
        } catch (IllegalArgumentException e) {
            throw new DataXException(WriterErrorCode.WRITE_FAILED, "no file name can be made for partition key \"" + keyText
                    + "\": " + e.getMessage() + ". A file system allows at most " + FileNamePattern.MAX_SEGMENT_BYTES
                    + " bytes per file or folder name; the key is already shortened to a prefix plus '~' and 16 hex digits"
                    + " of its sha256, and the rest of that segment of parameter.fileName leaves too little room. Nothing"
                    + " was written for this key. Fix: shorten the text around {partition_key} in parameter.fileName (or"
                    + " the table name it holds), or give {partition_key} a segment of its own, e.g."
                    + " \"{partition_key}/{table}_{year}.csv\"");
        }
    }
}
