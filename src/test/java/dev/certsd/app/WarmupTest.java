package dev.certsd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up's sample parses whole (both certificates, and the EC pair loads), so the warm-up meets the real code. */
class WarmupTest {
    @Test
    void theSampleParses() {
        assertEquals(3, Warmup.run());
    }
}
