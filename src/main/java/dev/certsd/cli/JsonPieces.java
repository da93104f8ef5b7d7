package dev.certsd.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The file and finding objects of a large directory in check's JSON, made as UTF-8 pieces on every core
 * ({@link InOrder}) and written to the stream in order between their array's brackets, which the document's own
 * generator writes:
 * the same bytes as one generator writing them all (CheckJsonStreamTest), in about half the time on two cores.
 */
final class JsonPieces {
    private JsonPieces() {
    }

    /**
     * Writes {@code files} made by {@code piece} (given a part and whether it is the first) to {@code out}; the
     * document's generator has opened the array and been flushed, and closes the array after.
     */
    static <T> void write(List<T> files, Array array, Piece<T> piece, OutputStream out) {
        T first = files.get(0);
        InOrder.write(files, part -> piece.make(part, part.get(0) == first), (ByteArrayOutputStream made) -> {
            try {
                made.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            array.written(made);
        });
    }

    /** Writes one item of a piece with the piece's own CheckJson. */
    interface Part<T> {
        void write(CheckJson part, T item) throws IOException;
    }

    /** Makes one piece: the separator before it, then its objects. */
    interface Piece<T> {
        ByteArrayOutputStream make(List<T> part, boolean first);
    }

    /**
     * The default printer inside an array of a host object ("files", "findings"), two objects deep (root, host),
     * without writing that array's own brackets: a piece's generator writes its objects as an array whose brackets are
     * not written.
     */
    static final class FilesPrinter extends JsonText.Printer {
        /** Arrays open: the first is the files array, whose brackets the document writes. */
        private int arrays;

        FilesPrinter() {
            _nesting = 2;
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            if (arrays++ > 0) {
                super.writeStartArray(g);
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (arrays > 1) {
                super.beforeArrayValues(g);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (--arrays > 0) {
                super.writeEndArray(g, nrOfValues);
            }
        }
    }

    /**
     * One array of pieces ("files", then "findings"): its buffers, sized by the bytes per object of the pieces made
     * before (1 KiB per object at first, then an eighth more than seen: a fixed 1 KiB made twice the memory the objects
     * of a 100,000-file directory needed, all zeroed and collected; only capacity follows this), and the findings'
     * messages. Every finding of a large directory is written twice, in its file's object and in the findings array:
     * its message is made for the first and kept for the second ({@link #next}), not made twice.
     */
    static final class Array {
        private final java.util.Map<dev.certsd.diagnose.Finding, String> made;
        private final boolean keep;
        private volatile int perObject = 1024;
        /**
         * Buffers whose piece has been written, for the next pieces: only the few pieces made ahead of the writer
         * hold one, so a directory's megabyte-sized buffers (each larger than G1 allocates in its young regions) are
         * made a handful of times, not once a piece.
         */
        private final java.util.Queue<ByteArrayOutputStream> free;

        private Array(java.util.Map<dev.certsd.diagnose.Finding, String> made, boolean keep,
                      java.util.Queue<ByteArrayOutputStream> free) {
            this.made = made;
            this.keep = keep;
            this.free = free;
        }

        /** The first array of a directory: it makes and keeps the messages. */
        static Array first() {
            return new Array(new java.util.concurrent.ConcurrentHashMap<>(), true,
                    new java.util.concurrent.ConcurrentLinkedQueue<>());
        }

        /** The next array of the same directory: it uses the messages the first made, and its buffers. */
        Array next() {
            return new Array(made, false, free);
        }

        /** The bytes before a piece: the printer's space after the array's "[", or its ", " between two values. */
        ByteArrayOutputStream start(int objects, boolean first) {
            ByteArrayOutputStream b = free.poll();
            if (b == null) {
                b = new ByteArrayOutputStream(Math.max(64, objects * perObject));
            }
            b.writeBytes(first ? new byte[] {' '} : new byte[] {',', ' '});
            return b;
        }

        /** The piece in {@code b} is on the stream: its buffer serves a later piece. */
        void written(ByteArrayOutputStream b) {
            b.reset();
            free.add(b);
        }

        /** A piece of {@code objects} objects was made into {@code b}. */
        void made(ByteArrayOutputStream b, int objects) {
            perObject = Math.max(64, b.size() / Math.max(1, objects) * 9 / 8);
        }

        String message(dev.certsd.diagnose.Finding f, dev.certsd.diagnose.Messages messages, String dirName) {
            if (keep) {
                return made.computeIfAbsent(f, k -> messages.render(k, dirName));
            }
            String m = made.get(f);
            return m != null ? m : messages.render(f, dirName);
        }
    }
}
