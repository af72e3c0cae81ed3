package com.otsrange.writer.commit;

import com.otsrange.writer.file.TempCsvFile;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.common.CheckpointLog;
import com.otsrange.common.FileLine;
import com.otsrange.common.CheckpointLines;
import com.otsrange.common.CheckpointSnapshot;
import com.otsrange.common.ShardSpec;
import com.otsrange.common.StateDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commit step's own guard: never a final file in the bookkeeping folder or outside path. */
class CommitterTest {
    @TempDir
    Path out;

    @Test
    void aNameInTheBookkeepingFolderOrOutsidePathIsRefusedAndNothingMoves() throws Exception {
        Path state = StateDir.of(out, "rp", ShardSpec.ALL);
        Path temp = state.resolve("tmp/task-0-0.tmp");
        Files.createDirectories(temp.getParent());
        Files.write(temp, "x\n1\n".getBytes(StandardCharsets.UTF_8));
        TempCsvFile.Done done = new TempCsvFile.Done(temp, 1, 4, "00");
        try (CheckpointLog log = CheckpointLog.create(state, Collections.<String, String>emptyMap())) {
            Committer committer = new Committer(out, log);
            for (String bad : new String[] {".otsrange/rp.all/tmp/2024.csv", ".OTSRANGE/2024.csv", ".otsrange", "../2024.csv",
                "a/../.otsrange/2024.csv", "a/../../x/2024.csv", "."}) {
                DataXException e = assertThrows(DataXException.class, () -> committer.commit("2024/k", bad, done), bad);
                assertEquals("CsvYearWriter-06", e.getErrorCode().getCode());
                assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("bookkeeping"), e.getMessage());
            }
            assertTrue(Files.exists(temp), "the temp file stays where it was");
            assertTrue(CheckpointLines.of(state, FileLine.class).isEmpty(), "no intent or commit line");
            committer.commit("2024/k", "%2Eotsrange/rp.all/tmp/2024.csv", done);
        }
        assertEquals("x\n1\n", new String(Files.readAllBytes(out.resolve("%2Eotsrange/rp.all/tmp/2024.csv")), StandardCharsets.UTF_8));
        assertEquals(1, CheckpointSnapshot.load(state).committed().size());
    }
}
