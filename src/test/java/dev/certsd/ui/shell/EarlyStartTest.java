package dev.certsd.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The window's context made beside JavaFX's start: the same context, or the same failure, as made in place. */
class EarlyStartTest {
    private static StudioContext someContext() {
        return new StudioContext(null, null, Locale.ROOT, null, null, null, null, null, null, null);
    }

    @Test
    void theContextIsMadeOnAThreadOfItsOwnAndHandedOver() throws Exception {
        StudioContext made = someContext();
        AtomicReference<Thread> on = new AtomicReference<>();
        EarlyStart early = EarlyStart.begin(() -> {
            on.set(Thread.currentThread());
            return made;
        });
        assertSame(made, early.context());
        assertSame(made, early.context(), "asked twice, the same context");
        assertNotEquals(Thread.currentThread(), on.get());
        assertEquals("certsd-early-start", on.get().getName());
    }

    @Test
    void whatMakingItThrewIsThrownWhereTheWindowAsksForIt() {
        IOException denied = new AccessDeniedException("/home/u/.local/share/certsd-studio/journal");
        assertSame(denied, assertThrows(IOException.class, () -> EarlyStart.begin(() -> {
            throw denied;
        }).context()));
        IllegalStateException broken = new IllegalStateException("settings");
        assertSame(broken, assertThrows(IllegalStateException.class, () -> EarlyStart.begin(() -> {
            throw broken;
        }).context()));
        OutOfMemoryError oom = new OutOfMemoryError();
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> EarlyStart.begin(() -> {
            throw oom;
        }).context()));
    }
}
