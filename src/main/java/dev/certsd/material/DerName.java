package dev.certsd.material;

import java.util.Arrays;

/**
 * A distinguished name as its DER bytes, compared byte for byte as Go's chain building compares a certificate's
 * issuer with a candidate's subject. Made once a certificate (the JDK copies the bytes on every
 * {@code getEncoded()}), with its hash, so that indexing the certificates of a directory of 100,000 files by name
 * makes no array a file.
 */
public final class DerName {
    private final byte[] der;
    private final int hash;

    DerName(byte[] der) {
        this.der = der;
        this.hash = Arrays.hashCode(der);
    }

    /** A copy of the DER bytes. */
    public byte[] bytes() {
        return der.clone();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DerName n && n.hash == hash && Arrays.equals(n.der, der);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "DerName[" + der.length + " bytes]";
    }
}
