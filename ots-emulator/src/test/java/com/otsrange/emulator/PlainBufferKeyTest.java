package com.otsrange.emulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Response PK cells written straight from stored keys are byte-identical to the decode-then-write path. */
class PlainBufferKeyTest {
    @Test
    void keyCellsFromStoredKeyEqualDecodedOnes() {
        PkSchema schema = new PkSchema(Arrays.asList("s", "i", "b"), Arrays.asList(PkType.STRING, PkType.INTEGER, PkType.BINARY));
        Random rnd = new Random(42);
        for (int n = 0; n < 2000; n++) {
            List<PkValue> values = new ArrayList<>();
            values.add(PkValue.ofString(randomBytes(rnd)));
            values.add(PkValue.ofLong(rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(100) - 50));
            values.add(PkValue.ofBinary(randomBytes(rnd)));
            byte[] key = KeyCodec.encode(schema, values);

            ByteSink expected = new ByteSink(64);
            PlainBufferWriter a = new PlainBufferWriter(expected);
            a.startRow();
            a.pkCells(schema, KeyCodec.decode(schema, key));
            a.endRow();

            ByteSink actual = new ByteSink(64);
            PlainBufferWriter b = new PlainBufferWriter(actual);
            b.startRow();
            b.pkCellsFromKey(schema, key);
            b.endRow();
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "key #" + n);
        }
    }

    /** Short values, rich in 0x00, 0x01 and 0xFF (the bytes the key escaping treats specially). */
    private static byte[] randomBytes(Random rnd) {
        byte[] b = new byte[rnd.nextInt(6)];
        byte[] special = {0, 1, (byte) 0xFF, 'a'};
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextBoolean() ? special[rnd.nextInt(4)] : (byte) rnd.nextInt(256);
        return b;
    }
}
