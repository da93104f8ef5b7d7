package dev.certsd.material;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviours of Go's encoding/pem that decide what a client sees in a file. */
class GoPemTest {
    private static List<PemBlock> decode(String text) {
        return GoPem.decodeAll(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void textAroundBlocksIsSkipped() {
        List<PemBlock> blocks = decode("subject=CN x\n-----BEGIN A-----\nAQID\n-----END A-----\ntrailer\n-----BEGIN B-----\nBA==\n-----END B-----\n");
        assertEquals(List.of("A", "B"), blocks.stream().map(PemBlock::type).toList());
        assertArrayEquals(new byte[] {1, 2, 3}, blocks.get(0).bytes());
        assertArrayEquals(new byte[] {4}, blocks.get(1).bytes());
    }

    @Test
    void crlfAndTrailingSpacesAreAccepted() {
        assertEquals(1, decode("-----BEGIN A-----  \r\nAQID\r\n-----END A-----\r\n").size());
    }

    @Test
    void headersAreParsed() {
        PemBlock b = decode("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAQID\n-----END RSA PRIVATE KEY-----\n").get(0);
        assertEquals(Map.of("Proc-Type", "4,ENCRYPTED", "DEK-Info", "AES-128-CBC,00"), b.headers());
    }

    @Test
    void malformedBlocksAreSkippedSilently() {
        assertEquals(List.of(), decode("-----BEGIN A-----\nAQID\n"), "no END line");
        assertEquals(List.of(), decode("-----BEGIN A-----\nAQI\n-----END A-----\n"), "missing padding");
        assertEquals(List.of(), decode("-----BEGIN A-----\nAQID\n-----END B-----\n"), "END of another type");
        assertEquals(List.of(), decode("-----BEGIN A-----\nAQ!D\n-----END A-----\n"), "not Base64");
        assertEquals(List.of("B"), decode("-----BEGIN A-----\nAQ!D\n-----END A-----\n-----BEGIN B-----\nAQID\n-----END B-----\n")
                .stream().map(PemBlock::type).toList());
    }

    @Test
    void aByteOrderMarkHidesTheFirstBlock() {
        assertEquals(List.of(), decode("\u00EF\u00BB\u00BF-----BEGIN A-----\nAQID\n-----END A-----\n"));
        assertEquals(1, decode("\u00EF\u00BB\u00BF\n-----BEGIN A-----\nAQID\n-----END A-----\n").size());
    }

    @Test
    void emptyBlockDecodesToNoBytes() {
        PemBlock b = decode("-----BEGIN A-----\n-----END A-----\n").get(0);
        assertEquals(0, b.bytes().length);
    }
}
