package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pieces made on any thread, written by the caller in the list's order; a render's failure reaches the caller. */
class InOrderTest {
    @Test
    void everyItemOnceInOrderWhateverThreadMadeIt() {
        for (int size : List.of(0, 1, InOrder.PIECE, InOrder.PIECE + 1, 7 * InOrder.PIECE + 13)) {
            List<Integer> items = IntStream.range(0, size).boxed().toList();
            Set<Thread> makers = ConcurrentHashMap.newKeySet();
            List<String> written = new ArrayList<>();
            InOrder.write(items, part -> {
                makers.add(Thread.currentThread());
                return part.stream().map(i -> i + ";").collect(Collectors.joining());
            }, written::add);
            assertEquals(items.stream().map(i -> i + ";").collect(Collectors.joining()), String.join("", written));
            assertEquals(Math.max(1, (size + InOrder.PIECE - 1) / InOrder.PIECE), written.size());
            assertTrue(!makers.isEmpty());
        }
    }

    @Test
    void whatARenderThrowsReachesTheCallerAsItself() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Integer> items = IntStream.range(0, 5 * InOrder.PIECE).boxed().toList();
        List<String> written = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> InOrder.write(items, part -> {
            if (part.get(0) == 3 * InOrder.PIECE) {
                throw boom;
            }
            return "x";
        }, written::add));
        assertSame(boom, thrown);
        assertEquals(List.of("x", "x", "x"), written); // the pieces before it were written, none after
    }
}
