package dev.certsd.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The probe's warm-up runs its arithmetic to the end: a thrown exception would leave the later loops cold. */
class WarmupTest {
    @Test
    void theRsaArithmeticRunsThroughTheInverseToTheCheck() {
        // u.modInverse(n) throws for numbers that are not coprime; the fixed seed makes them coprime every time
        int bits = Warmup.rsaArithmetic();
        assertTrue(bits > 2000 && bits <= 2048, "a 2,048-bit modular result, got " + bits + " bits");
    }

    @Test
    void theSessionArithmeticAgreesAndEncrypts() throws Exception {
        assertEquals(4096 + 16, Warmup.sessionArithmetic());
    }
}
