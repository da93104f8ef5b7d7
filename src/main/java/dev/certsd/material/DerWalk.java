package dev.certsd.material;

import java.util.Arrays;

/**
 * A walk over the elements of one DER constructed value, strict: one-byte tags, definite lengths in their shortest
 * form, every element inside its parent. Whatever is not that throws {@link Refused}, which {@link LeanCert} turns
 * into "let the JDK's parser decide".
 */
final class DerWalk {
    /** The input is outside the shape this walk reads; thrown without a stack trace (it is an answer, not a bug). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        static final Refused INSTANCE = new Refused();

        private Refused() {
            super("outside the lean shape", null, false, false);
        }
    }

    private final byte[] der;
    private final int end;
    private int pos;
    /** The tag, content start and content length of the element read last. */
    int tag;
    int start;
    int length;

    DerWalk(byte[] der, int from, int to) {
        this.der = der;
        this.pos = from;
        this.end = to;
    }

    static Refused refused() {
        return Refused.INSTANCE;
    }

    boolean more() {
        return pos < end;
    }

    int peekTag() throws Refused {
        if (pos >= end) {
            throw refused();
        }
        return der[pos] & 0xff;
    }

    /** Reads the next element, whatever its tag. */
    DerWalk next() throws Refused {
        if (pos + 2 > end) {
            throw refused();
        }
        tag = der[pos] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw refused();
        }
        int len = der[pos + 1] & 0xff;
        int at = pos + 2;
        if (len >= 0x80) {
            int n = len - 0x80;
            if (n < 1 || n > 3 || at + n > end || der[at] == 0) {
                throw refused();
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[at + i] & 0xff);
            }
            at += n;
            if (len < 0x80) {
                throw refused();
            }
        }
        if (len > end - at) {
            throw refused();
        }
        start = at;
        length = len;
        pos = at + len;
        return this;
    }

    /** Reads the next element, which must have this tag. */
    DerWalk expect(int expected) throws Refused {
        next();
        if (tag != expected) {
            throw refused();
        }
        return this;
    }

    /** A walk over the content of the element read last. */
    DerWalk inside() {
        return new DerWalk(der, start, start + length);
    }

    /** The whole element read last: tag, length and content. */
    int elementStart() {
        int lengthBytes = length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 4;
        return start - 1 - lengthBytes;
    }

    byte[] contentCopy() {
        return Arrays.copyOfRange(der, start, start + length);
    }

    byte[] elementCopy() {
        return Arrays.copyOfRange(der, elementStart(), start + length);
    }

    boolean contentEquals(byte[] expected) {
        return Arrays.equals(der, start, start + length, expected, 0, expected.length);
    }

    byte at(int i) {
        return der[i];
    }

    byte[] bytes() {
        return der;
    }

    /** The content as a small non-negative INTEGER (DER, at most 0x7f), else refused. */
    int smallInteger() throws Refused {
        if (tag != 0x02 || length != 1 || der[start] < 0) {
            throw refused();
        }
        return der[start];
    }

    /** Fails unless everything of this walk was read. */
    void done() throws Refused {
        if (pos != end) {
            throw refused();
        }
    }
}
