package dev.certsd.ui.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescedTest {
    @Test
    void requestsBeforeTheUpdateRunsBecomeOneUpdate() {
        Deque<Runnable> later = new ArrayDeque<>();
        AtomicInteger runs = new AtomicInteger();
        Coalesced c = new Coalesced(later::add, runs::incrementAndGet);
        c.request();
        c.request();
        c.request();
        assertEquals(0, runs.get(), "nothing runs before its turn");
        assertEquals(1, later.size());
        later.poll().run();
        assertEquals(1, runs.get());
    }

    @Test
    void aRequestAfterTheUpdateRanSchedulesAnother() {
        Deque<Runnable> later = new ArrayDeque<>();
        AtomicInteger runs = new AtomicInteger();
        Coalesced c = new Coalesced(later::add, runs::incrementAndGet);
        c.request();
        later.poll().run();
        c.request();
        assertEquals(1, later.size());
        later.poll().run();
        assertEquals(2, runs.get());
    }

    @Test
    void runningNowIsTheDefaultForViewModelTests() {
        AtomicInteger runs = new AtomicInteger();
        Coalesced c = new Coalesced(Runnable::run, runs::incrementAndGet);
        c.request();
        c.request();
        assertEquals(2, runs.get());
    }
}
