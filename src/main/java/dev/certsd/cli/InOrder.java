package dev.certsd.cli;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders a long list in pieces on every core and hands the texts to one writer in the list's order: the output of
 * a directory of 100,000 files is made while it is being written. The caller renders a piece itself when no other
 * thread has taken it yet, and the pieces after it while another thread still makes it, so it waits only when there is
 * no work left; only a few pieces are made ahead of the writer, so the whole text never sits in memory.
 */
final class InOrder {
    /** Fewer items than this are rendered by the caller alone, as one piece. */
    static final int PIECE = 1024;

    private InOrder() {
    }

    static <T, R> void write(List<T> items, Function<List<T>, R> render, Consumer<R> writer) {
        if (items.size() <= PIECE) {
            writer.accept(render.apply(items));
            return;
        }
        int pieces = (items.size() + PIECE - 1) / PIECE;
        int ahead = Math.max(2, 2 * ForkJoinPool.getCommonPoolParallelism());
        ArrayDeque<Piece<T, R>> pending = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < pieces; i++) {
            for (; next < pieces && next <= i + ahead; next++) {
                Piece<T, R> p = new Piece<>(items.subList(next * PIECE, Math.min(items.size(), (next + 1) * PIECE)), render);
                pending.add(p);
                ForkJoinPool.commonPool().execute(p::make);
            }
            Piece<T, R> first = pending.poll();
            first.make(); // ours when no worker took it yet
            for (Piece<T, R> later : pending) { // taken but not done: make the pieces after it meanwhile
                if (first.text.isDone()) {
                    break;
                }
                later.make();
            }
            writer.accept(textOf(first));
        }
    }

    private static <R> R textOf(Piece<?, R> piece) {
        try {
            return piece.text.join();
        } catch (java.util.concurrent.CompletionException e) { // what the render threw, as the caller would have
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** One piece: made once, by whichever thread claims it first. */
    private static final class Piece<T, R> {
        private final List<T> items;
        private final Function<List<T>, R> render;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<R> text = new CompletableFuture<>();

        Piece(List<T> items, Function<List<T>, R> render) {
            this.items = items;
            this.render = render;
        }

        void make() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    text.complete(render.apply(items));
                } catch (RuntimeException | Error e) {
                    text.completeExceptionally(e);
                }
            }
        }
    }
}
