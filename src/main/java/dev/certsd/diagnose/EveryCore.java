package dev.certsd.diagnose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A function over a long list on every core, the results in the list's order. The caller and the common pool's
 * workers take blocks of a few hundred items from one counter until none is left, so they finish together: a
 * parallel stream splits a list into four parts per worker up front, and on two cores the caller then waited up to a
 * quarter of the work (a quarter of a second in a directory of 100,000 files) for the worker's last part.
 */
public final class EveryCore {
    /** Items a thread takes at a time: enough to make the counter cheap, few enough to finish together. */
    static final int BLOCK = 256;

    private EveryCore() {
    }

    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        return map(items, f, BLOCK);
    }

    /**
     * The same, taking {@code block} items at a time: 1 where each item is much work (a host directory: its files read
     * and parsed), so that the last items do not wait on one thread.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block " + block);
        }
        int n = items.size();
        Object[] out = new Object[n];
        AtomicInteger next = new AtomicInteger();
        var failed = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Runnable work = () -> {
            try {
                for (int from; (from = next.getAndAdd(block)) < n; ) {
                    for (int i = from, end = Math.min(n, from + block); i < end; i++) {
                        out[i] = f.apply(items.get(i));
                    }
                }
            } catch (RuntimeException | Error e) {
                failed.compareAndSet(null, e);
                next.set(n); // the others stop at their next block
            }
        };
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int k = Math.min(ForkJoinPool.getCommonPoolParallelism(), n / block); k > 0; k--) {
            helpers.add(ForkJoinPool.commonPool().submit(work));
        }
        work.run();
        helpers.forEach(ForkJoinTask::join);
        if (failed.get() instanceof RuntimeException e) { // as the item threw it, on whichever thread
            throw e;
        }
        if (failed.get() instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) Arrays.asList(out);
        return results;
    }
}
