package com.otsrange.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncodingPropertyTest {
    private static final FileNamePattern DEFAULT = FileNamePattern.parse(RecordLayout.DEFAULT_FILE_NAME);
    private static final FileNamePattern KEY_AS_FOLDER = FileNamePattern.parse("{partition_key}/{year}.csv");
    private static final FileNamePattern KEY_ALONE = FileNamePattern.parse("{year}/{partition_key}");
    private static final FileNamePattern KEY_IN_FIRST_FOLDER = FileNamePattern.parse("{partition_key}{table}/{year}.csv");
    private static final FileNamePattern[] PATTERNS = {DEFAULT, KEY_AS_FOLDER, KEY_ALONE, KEY_IN_FIRST_FOLDER};

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("./%_-aZ9 ").ofMaxLength(12),
                Arbitraries.of(".", "..", "...", "/", "../..", "%", "%25", "%2E", "a/b", "", "é", "☃", "\uD83D\uDE00",
                        ".otsrange", ".OTSRANGE", "%EMPTY", "EMPTY", ".otsrange/x", "otsrange"),
                Arbitraries.strings().withChars("a.%/é").ofMinLength(200).ofMaxLength(400));
    }

    @Property(tries = 2000)
    void encodedKeyUsesOnlySafeCharacters(@ForAll("keys") String key) {
        String e = KeyEncoding.encode(key);
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            // CONTRACT.md section 5: [A-Za-z0-9._-] stay, every other byte is %XX
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            assertTrue(safe || c == '%', "unexpected char in " + e);
        }
        assertTrue(!e.isEmpty() && e.charAt(0) != '.', "never empty, never hidden: " + e);
    }

    @Property(tries = 2000)
    void renderedNameStaysInsidePath(@ForAll("keys") String key) {
        Path root = Paths.get("/out");
        for (FileNamePattern p : PATTERNS) {
            String name = p.render(key, "t", 0L, ZoneOffset.UTC);
            Path resolved = root.resolve(name).normalize();
            assertTrue(resolved.startsWith(root) && !resolved.equals(root), name);
            assertTrue(!root.relativize(resolved).getName(0).toString().equalsIgnoreCase(RecordLayout.STATE_ROOT),
                    "never in the bookkeeping folder: " + name);
            assertEquals(p.pattern().split("/").length, name.split("/", -1).length, "one name per key: " + name);
            for (String seg : name.split("/", -1)) {
                assertTrue(!seg.isEmpty() && !seg.equals(".") && !seg.equals(".."), name);
                assertTrue(seg.length() <= FileNamePattern.MAX_SEGMENT_BYTES, "segment too long: " + seg.length());
            }
            assertTrue(p.regexFor("t").matcher(name).matches(), name + " must match " + p.regexFor("t"));
        }
    }

    @Property(tries = 2000)
    void distinctKeysGiveDistinctNames(@ForAll("keys") String a, @ForAll("keys") String b) {
        Assume.that(!a.equals(b));
        assertNotEquals(KeyEncoding.encode(a), KeyEncoding.encode(b));
        for (FileNamePattern p : PATTERNS) {
            assertNotEquals(p.render(a, "t", 0L, ZoneOffset.UTC), p.render(b, "t", 0L, ZoneOffset.UTC));
        }
    }

    @Property(tries = 2000)
    void decodingGivesTheKeyBack(@ForAll("keys") String key) {
        // TableStore strings are valid UTF-8: unpaired surrogates cannot be keys
        Assume.that(new String(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8).equals(key));
        assertEquals(key, KeyEncoding.decode(KeyEncoding.encode(key)));
    }

    @Property(tries = 500)
    void encodingIsTheIdentityOnSafeKeys(@ForAll("safe") String key) {
        Assume.that(!key.isEmpty() && key.charAt(0) != '.');
        assertEquals(key, KeyEncoding.encode(key));
    }

    @Provide
    Arbitrary<String> safe() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars("._-").ofMaxLength(30);
    }
}
