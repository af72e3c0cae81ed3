package com.otsrange.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged complete line is refused with its number; a torn last line and a newer writer's line kind are skipped. */
class CheckpointDamageTest {
    private static final String HEADER = "{\"type\":\"header\",\"version\":1,\"fingerprint\":{\"reader.table\":\"t\"}}\n";

    @TempDir
    Path dir;

    private Path state(String... lines) throws Exception {
        Path state = dir.resolve(".otsrange/t.all");
        Files.createDirectories(state);
        Files.write(state.resolve("checkpoint.log"), String.join("", lines).getBytes(StandardCharsets.UTF_8));
        return state;
    }

    private static String commit(String unit) {
        return "{\"type\":\"commit\",\"unit\":\"" + unit + "\",\"file\":\"" + unit + ".csv\",\"rows\":1,\"bytes\":5,\"sha256\":\"ab\"}\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"commit\",\"unit\":\"u2\"                |not JSON",
        "[1,2]                                             |not a JSON object",
        "{\"unit\":\"u2\",\"file\":\"u2.csv\"}             |no \"type\"",
        "{\"type\":\"commit\",\"file\":\"u2.csv\",\"rows\":3}|a \"commit\" line without the fields it needs",
        "{\"type\":\"windowDone\"}                         |a \"windowDone\" line without the fields it needs",
    })
    void aDamagedCompleteLineIsRefusedNamingItsNumberAndTheFix(String bad, String why) throws Exception {
        Path state = state(HEADER, commit("u1"), bad.trim() + "\n", commit("u3"));
        CheckpointDamaged e = assertThrows(CheckpointDamaged.class, () -> CheckpointSnapshot.load(state));
        assertTrue(e.getMessage().contains("checkpoint.log line 3 is damaged (" + why + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("\"resume\": false") && e.getMessage().contains("delete " + state), e.getMessage());
    }

    @Test
    void aTornLastLineAndALineOfANewerKindAreSkipped() throws Exception {
        Path state = state(HEADER, commit("u1"), "{\"type\":\"somethingNewer\",\"x\":1}\n", commit("u3"),
                "{\"type\":\"commit\",\"unit\":\"u4\",\"fi");
        assertEquals(Arrays.asList("u1", "u3"), new ArrayList<>(CheckpointSnapshot.load(state).committedUnits()));
    }
}
