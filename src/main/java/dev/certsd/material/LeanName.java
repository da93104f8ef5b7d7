package dev.certsd.material;

import dev.certsd.material.DerWalk.Refused;
import java.util.HexFormat;

/**
 * A distinguished name of the usual shape read from its DER bytes: one attribute per RDN, each value a
 * PrintableString, UTF8String or IA5String of printable ASCII that needs no escaping (or, for an attribute without an
 * RFC 2253 keyword, any such string, which the JDK prints as hex). For those names {@link #rfc2253} is what
 * {@code X500Principal.getName(RFC2253)} gives, and {@link #comparable} equals another name's exactly when the JDK's
 * canonical forms are equal (lower case, runs of spaces as one); anything else is refused.
 */
record LeanName(String rfc2253, String comparable) {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[][] KEYWORD_OIDS = {
        {0x55, 0x04, 0x03}, {0x55, 0x04, 0x06}, {0x55, 0x04, 0x07}, {0x55, 0x04, 0x08}, {0x55, 0x04, 0x0a},
        {0x55, 0x04, 0x0b}, {0x55, 0x04, 0x09},
        {0x09, (byte) 0x92, 0x26, (byte) 0x89, (byte) 0x93, (byte) 0xf2, 0x2c, 0x64, 0x01, 0x19},
        {0x09, (byte) 0x92, 0x26, (byte) 0x89, (byte) 0x93, (byte) 0xf2, 0x2c, 0x64, 0x01, 0x01}};
    private static final String[] KEYWORDS = {"CN", "C", "L", "ST", "O", "OU", "STREET", "DC", "UID"};
    private static final String ESCAPED = ",=+<>#;\"\\";

    /** The name whose SEQUENCE the walk has just read. */
    static LeanName read(DerWalk name) throws Refused {
        DerWalk rdns = name.inside();
        if (!rdns.more()) {
            throw DerWalk.refused(); // an empty name: the JDK's rules about it are its own
        }
        StringBuilder text = new StringBuilder(96);
        StringBuilder comparable = new StringBuilder(96);
        String[] parts = new String[8];
        int count = 0;
        while (rdns.more()) {
            DerWalk set = rdns.expect(0x31).inside();
            DerWalk ava = set.expect(0x30).inside();
            set.done(); // one attribute per RDN
            ava.expect(0x06);
            int keyword = keyword(ava);
            String oid = keyword < 0 ? Oids.dotted(ava) : null;
            int oidStart = ava.start;
            int oidLength = ava.length;
            ava.next();
            ava.done();
            if (count == parts.length) {
                parts = java.util.Arrays.copyOf(parts, count * 2);
            }
            if (keyword < 0 && ava.tag != 0x13 && ava.tag != 0x0c && ava.tag != 0x16) {
                throw DerWalk.refused(); // the JDK checks other string types first (JDK 25: a BMPString's surrogates)
            }
            parts[count++] = keyword < 0 ? oid + "=#" + HEX.formatHex(ava.elementCopy()) : value(ava, keyword);
            comparable.append(HEX.formatHex(ava.bytes(), oidStart, oidStart + oidLength)).append('=');
            if (keyword >= 0 && (ava.tag == 0x13 || ava.tag == 0x0c)) {
                appendCanonical(comparable.append('s'), ava);
            } else {
                comparable.append('#').append(HEX.formatHex(ava.elementCopy()));
            }
            comparable.append(',');
        }
        for (int i = count - 1; i >= 0; i--) { // RFC 2253 writes the last RDN first
            text.append(parts[i]);
            if (i > 0) {
                text.append(',');
            }
        }
        return new LeanName(text.toString(), comparable.toString());
    }

    private static int keyword(DerWalk ava) {
        for (int i = 0; i < KEYWORD_OIDS.length; i++) {
            if (ava.contentEquals(KEYWORD_OIDS[i]) && ava.length == KEYWORD_OIDS[i].length) {
                return i;
            }
        }
        return -1;
    }

    /** "KEYWORD=value", or refused when the JDK would escape or decode it some other way. */
    private static String value(DerWalk v, int keyword) throws Refused {
        if (v.tag != 0x13 && v.tag != 0x0c && v.tag != 0x16 || v.length == 0) {
            throw DerWalk.refused();
        }
        byte[] b = v.bytes();
        int end = v.start + v.length;
        if (b[v.start] == ' ' || b[end - 1] == ' ') {
            throw DerWalk.refused();
        }
        for (int i = v.start; i < end; i++) {
            if (b[i] < 0x20 || b[i] > 0x7e || ESCAPED.indexOf(b[i]) >= 0) {
                throw DerWalk.refused();
            }
        }
        return KEYWORDS[keyword] + "=" + new String(b, v.start, v.length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The JDK's canonical form of such a value: lower case, each run of spaces one space. */
    private static void appendCanonical(StringBuilder out, DerWalk v) {
        byte[] b = v.bytes();
        boolean space = false;
        for (int i = v.start; i < v.start + v.length; i++) {
            char c = (char) b[i];
            if (c == ' ') {
                if (!space) {
                    out.append(c);
                }
                space = true;
            } else {
                out.append(Character.toLowerCase(c));
                space = false;
            }
        }
    }

    /** Whether the JDK could find these names equal: false only when their canonical forms surely differ. */
    boolean mayEqual(LeanName other) {
        return comparable.equals(other.comparable);
    }

}
