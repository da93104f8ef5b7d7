package dev.certsd.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extension closes what a test opened, last first, all of it even when one close fails. */
class FxStudioTest {
    @Test
    void closesInReverseOrderAndReportsTheFirstFailureWithTheOthersSuppressed() {
        FxStudio studio = new FxStudio();
        List<String> closed = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");
        studio.closeAfter(() -> closed.add("a"));
        studio.closeAfter(() -> {
            closed.add("b");
            throw second;
        });
        studio.closeAfter(() -> {
            closed.add("c");
            throw first;
        });
        Exception thrown = assertThrows(IllegalStateException.class, () -> studio.afterEach(null));
        assertSame(first, thrown);
        assertEquals(List.of(second), List.of(thrown.getSuppressed()));
        assertEquals(List.of("c", "b", "a"), closed);
    }

    @Test
    void nothingIsClosedTwice() throws Exception {
        FxStudio studio = new FxStudio();
        List<String> closed = new ArrayList<>();
        studio.closeAfter(() -> closed.add("a"));
        studio.afterEach(null);
        studio.afterEach(null);
        assertEquals(List.of("a"), closed);
    }
}
