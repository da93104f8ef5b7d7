package dev.certsd.material;

import dev.certsd.material.DerWalk.Refused;

/** Object identifiers as the JDK writes them (dotted decimal), read strictly from DER. */
final class Oids {
    /** Longer OIDs are left to the JDK (it refuses those over 4,096 bytes; real ones are a few dozen). */
    static final int MAX_BYTES = 128;

    private Oids() {
    }

    /** The dotted form of the OBJECT IDENTIFIER the walk has just read; refused when not minimally encoded. */
    static String dotted(DerWalk oid) throws Refused {
        byte[] b = oid.bytes();
        int end = oid.start + oid.length;
        if (oid.length == 0 || oid.length > MAX_BYTES || (b[end - 1] & 0x80) != 0) {
            throw DerWalk.refused();
        }
        StringBuilder out = new StringBuilder(24);
        boolean first = true;
        int i = oid.start;
        while (i < end) {
            if ((b[i] & 0xff) == 0x80) {
                throw DerWalk.refused(); // a component with a leading zero septet
            }
            long value = 0;
            int septets = 0;
            while (true) {
                if (++septets > 8) {
                    throw DerWalk.refused();
                }
                value = (value << 7) | (b[i] & 0x7f);
                if ((b[i++] & 0x80) == 0) {
                    break;
                }
            }
            if (first) {
                int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                out.append(top).append('.').append(value - 40L * top);
                first = false;
            } else {
                out.append('.').append(value);
            }
        }
        return out.toString();
    }
}
