package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every item once, results in the list's order, whatever thread took its block; a failure reaches the caller. */
class EveryCoreTest {
    @Test
    void resultsInOrder() {
        for (int n : List.of(0, 1, EveryCore.BLOCK - 1, EveryCore.BLOCK, 10 * EveryCore.BLOCK + 7)) {
            List<Integer> items = IntStream.range(0, n).boxed().toList();
            assertEquals(items.stream().map(i -> i * 3).toList(), EveryCore.map(items, i -> i * 3));
        }
    }

    @Test
    void insideAParallelStreamToo() { // the root's host directories are scanned in parallel already
        List<List<Integer>> lists = IntStream.range(0, 8).mapToObj(k -> IntStream.range(0, 3000).boxed().toList())
                .toList();
        List<List<Integer>> results = lists.parallelStream().map(l -> EveryCore.map(l, i -> i + 1)).toList();
        for (List<Integer> r : results) {
            assertEquals(IntStream.range(1, 3001).boxed().toList(), r);
        }
    }

    @Test
    void whatAnItemThrowsReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Integer> items = IntStream.range(0, 20 * EveryCore.BLOCK).boxed().toList();
        assertSame(boom, assertThrows(IllegalStateException.class, () -> EveryCore.map(items, i -> {
            if (i == 17 * EveryCore.BLOCK + 3) {
                throw boom;
            }
            return i;
        })));
    }
}
