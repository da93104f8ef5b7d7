package dev.certsd.probe.peers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the logs of the real peers a test class runs into the test output when one of its tests fails, so a
 * CI failure shows what the registry or nginx said. Register it as a static {@code @RegisterExtension} field.
 */
public final class PeerLogs implements TestWatcher {
    private final List<PeerProcess> peers = new CopyOnWriteArrayList<>();

    public <T extends AutoCloseable> T watch(T peer, PeerProcess process) {
        peers.add(process);
        return peer;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        StringBuilder b = new StringBuilder("==== logs of the real peers after the failure of ")
                .append(context.getDisplayName()).append(" ====\n");
        for (PeerProcess p : peers) {
            b.append(p.log());
        }
        System.out.println(b);
    }
}
