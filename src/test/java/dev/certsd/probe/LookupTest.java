package dev.certsd.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A host-name lookup ends by the attempt's deadline even when the resolver never answers. */
class LookupTest {
    private static long inMillis(long millis) {
        return System.nanoTime() + millis * 1_000_000;
    }

    @Test
    void aResolverThatHangsIsAbandonedAtTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(Lookup.TimedOut.class,
                () -> Lookup.byName("registry.test", inMillis(200), host -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the abandoned lookup is cancelled
                    }
                    return InetAddress.getLoopbackAddress();
                })));
    }

    @Test
    void anAnswerInTimeIsTheAddressAndAnUnknownNameStaysUnknown() throws Exception {
        assertEquals(InetAddress.getLoopbackAddress(), Lookup.byName("registry.test", inMillis(5000),
                host -> InetAddress.getLoopbackAddress()));
        assertThrows(UnknownHostException.class, () -> Lookup.byName("registry.test", inMillis(5000), host -> {
            throw new UnknownHostException(host);
        }));
    }

    @Test
    void anIpLiteralNeedsNoLookupAndNoThread() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), Lookup.byName("127.0.0.1", inMillis(0),
                InetAddress::getByName));
    }
}
