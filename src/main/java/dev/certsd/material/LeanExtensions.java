package dev.certsd.material;

import dev.certsd.material.DerWalk.Refused;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The six extensions a check reads, each of which must be of the usual shape; any other extension is passed over
 * when it is not critical and refuses the certificate when it is.
 */
final class LeanExtensions {
    byte[] ski;
    byte[] aki;
    int pathLength = -1;
    List<String> keyUsages = new ArrayList<>();
    List<String> extendedKeyUsages;
    List<String> sans = new ArrayList<>();
    /** The six, by the last octet of their OID (id-ce 14, 35, 15, 37, 19 and 17). */
    private static final int[] READ = {0x0e, 0x23, 0x0f, 0x25, 0x13, 0x11};
    /** More extensions than this are left to the JDK. */
    private static final int MAX_EXTENSIONS = 64;

    void read(DerWalk sequence) throws Refused {
        DerWalk all = sequence.inside();
        if (!all.more()) {
            throw DerWalk.refused();
        }
        java.util.Set<String> oids = new java.util.HashSet<>();
        while (all.more()) {
            DerWalk ext = all.expect(0x30).inside();
            String oid = Oids.dotted(ext.expect(0x06));
            if (!oids.add(oid) || oids.size() > MAX_EXTENSIONS) {
                throw DerWalk.refused(); // the same extension twice, or more than any certificate has
            }
            int id = ext.length == 3 && ext.at(ext.start) == 0x55 && ext.at(ext.start + 1) == 0x1d
                    ? ext.at(ext.start + 2) : -1;
            boolean critical = false;
            if (ext.peekTag() == 0x01) {
                ext.next();
                if (ext.length != 1 || ext.at(ext.start) != (byte) 0xff) {
                    throw DerWalk.refused(); // FALSE is left out in DER
                }
                critical = true;
            }
            DerWalk value = ext.expect(0x04).inside();
            ext.done();
            if (!reads(id)) {
                // one a check does not read: the JDK keeps a non-critical one it cannot parse aside, and no fact
                // comes from it; a critical one it must parse, and refuses when it cannot, so the JDK decides
                if (critical) {
                    throw DerWalk.refused();
                }
                continue;
            }
            one(id, value);
            value.done();
        }
    }

    private static boolean reads(int id) {
        for (int r : READ) {
            if (r == id) {
                return true;
            }
        }
        return false;
    }

    private void one(int id, DerWalk value) throws Refused {
        switch (id) {
            case 0x0e -> ski = nonEmpty(value.expect(0x04));
            case 0x23 -> {
                DerWalk in = value.expect(0x30).inside();
                aki = nonEmpty(in.expect(0x80));
                in.done();
            }
            case 0x0f -> keyUsage(value.expect(0x03));
            case 0x25 -> extendedKeyUsages(value.expect(0x30));
            case 0x13 -> basicConstraints(value.expect(0x30));
            case 0x11 -> subjectAltNames(value.expect(0x30));
            default -> throw DerWalk.refused();
        }
    }

    private static byte[] nonEmpty(DerWalk w) throws Refused {
        if (w.length == 0) {
            throw DerWalk.refused();
        }
        return w.contentCopy();
    }

    private void keyUsage(DerWalk bits) throws Refused {
        int unused = bits.length == 0 ? -1 : bits.at(bits.start);
        if (unused < 0 || unused > 7 || bits.length == 1 && unused != 0) {
            throw DerWalk.refused();
        }
        int last = bits.start + bits.length - 1;
        if (unused > 0 && (bits.at(last) & ((1 << unused) - 1)) != 0) {
            throw DerWalk.refused();
        }
        int count = (bits.length - 1) * 8 - unused;
        for (int i = 0; i < count && i < 9; i++) {
            if ((bits.at(bits.start + 1 + i / 8) & (0x80 >>> (i % 8))) != 0) {
                keyUsages.add(CertParser.keyUsageName(i));
            }
        }
    }

    private void extendedKeyUsages(DerWalk seq) throws Refused {
        DerWalk in = seq.inside();
        List<String> out = new ArrayList<>();
        while (in.more()) {
            out.add(CertParser.ekuName(Oids.dotted(in.expect(0x06))));
        }
        if (out.isEmpty()) {
            throw DerWalk.refused();
        }
        extendedKeyUsages = List.copyOf(out);
    }

    private void basicConstraints(DerWalk seq) throws Refused {
        DerWalk in = seq.inside();
        if (!in.more()) {
            return; // cA FALSE by default
        }
        in.expect(0x01);
        if (in.length != 1 || in.at(in.start) != (byte) 0xff) {
            throw DerWalk.refused();
        }
        pathLength = Integer.MAX_VALUE;
        if (in.more()) {
            pathLength = in.expect(0x02).smallInteger();
        }
        in.done();
    }

    private void subjectAltNames(DerWalk seq) throws Refused {
        DerWalk in = seq.inside();
        if (!in.more()) {
            throw DerWalk.refused();
        }
        while (in.more()) {
            in.next();
            if (in.tag == 0x82) {
                sans.add("DNS:" + dnsName(in));
            } else if (in.tag == 0x87 && (in.length == 4 || in.length == 16)) {
                try {
                    sans.add("IP:" + InetAddress.getByAddress(in.contentCopy()).getHostAddress());
                } catch (UnknownHostException e) {
                    throw DerWalk.refused();
                }
            } else {
                throw DerWalk.refused();
            }
        }
    }

    /** A host name every JDK accepts as it is: labels of letters, digits and inner hyphens, no wildcard. */
    private static String dnsName(DerWalk n) throws Refused {
        int end = n.start + n.length;
        boolean labelStart = true;
        for (int i = n.start; i < end; i++) {
            byte c = n.at(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            boolean ok = labelStart ? alnum : alnum || c == '-' || c == '.' && n.at(i - 1) != '-';
            if (!ok) {
                throw DerWalk.refused();
            }
            labelStart = c == '.';
        }
        if (n.length == 0 || labelStart || n.at(end - 1) == '-') {
            throw DerWalk.refused();
        }
        return new String(n.bytes(), n.start, n.length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
