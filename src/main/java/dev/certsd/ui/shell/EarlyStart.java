package dev.certsd.ui.shell;

import dev.certsd.diagnose.Messages;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.ui.UiText;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The window's context (settings, undo journal, disk watcher, the clients' versions asked for) made on a thread of
 * its own while JavaFX starts, instead of on the FX thread after it: JavaFX's start takes a few hundred milliseconds
 * on one core, waiting much of it (docs/performance.md). The window's texts in the context's language are loaded
 * there too, into the JDK's cache of resource bundles, where the window finds them.
 */
final class EarlyStart {
    private final CompletableFuture<StudioContext> context = new CompletableFuture<>();

    private EarlyStart() {
    }

    /** Starts making the context with {@code make} on a daemon thread and returns at once. */
    static EarlyStart begin(Callable<StudioContext> make) {
        EarlyStart s = new EarlyStart();
        Thread t = new Thread(() -> {
            StudioContext made;
            try {
                made = make.call();
            } catch (Exception | Error e) {
                s.context.completeExceptionally(e);
                return;
            }
            try {
                loadTexts(made.locale());
            } catch (RuntimeException e) {
                // a bundle that does not load here does not load in the window either: it says so there
            }
            s.context.complete(made);
        }, "certsd-early-start");
        t.setDaemon(true);
        t.start();
        return s;
    }

    /**
     * The bundles the window's first frame reads, and the formatters its counts are written with (a message's number
     * goes through a pattern switch of the JDK's, linked at run time: 3-4 ms of the FX thread otherwise).
     */
    static void loadTexts(Locale locale) {
        new UiText(locale);
        new Messages(locale);
        new ProbeMessages(locale);
        String.format(locale, "%d", 0);
        new MessageFormat("{0}", locale).format(new Object[] {0});
    }

    /** The context, once made (waits for it); or what making it threw, as making it here would have. */
    StudioContext context() throws IOException {
        try {
            return context.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
