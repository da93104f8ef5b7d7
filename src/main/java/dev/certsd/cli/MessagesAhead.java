package dev.certsd.cli;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.Messages;
import dev.certsd.fix.HostAnswer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * The messages of a large directory's findings, rendered on another core ahead of the writer that needs them, in the
 * order it needs them; the writer renders any one not there yet itself. Stopped when the writer is done.
 */
final class MessagesAhead implements AutoCloseable {
    private final Messages messages;
    private final String dirName;
    private final Map<Finding, String> ready = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    private MessagesAhead(Messages messages, String dirName) {
        this.messages = messages;
        this.dirName = dirName;
    }

    /** Starts rendering the advice's findings, or renders nothing ahead when there are few. */
    static MessagesAhead start(Messages messages, String dirName, List<HostAnswer.Advice> advice, int from) {
        MessagesAhead ahead = new MessagesAhead(messages, dirName);
        if (advice.size() >= from) {
            ForkJoinPool.commonPool().execute(() -> {
                for (HostAnswer.Advice a : advice) {
                    if (ahead.stopped) {
                        return;
                    }
                    ahead.ready.computeIfAbsent(a.finding(), f -> messages.render(f, dirName));
                }
            });
        }
        return ahead;
    }

    String message(Finding f) {
        String s = ready.get(f);
        return s != null ? s : messages.render(f, dirName);
    }

    @Override
    public void close() {
        stopped = true;
    }
}
