package dev.certsd.probe;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Why a server most likely rejected a client certificate, when the certificate itself tells: a server's alert
 * rarely says (Go's registry sends bad_certificate for all of these), but the pair we sent is in our hands.
 * Checked in the order a TLS server checks.
 */
public enum Rejection {
    /** Its issuer is not among the CAs the server said it accepts. */
    ISSUER_NOT_ACCEPTED,
    /** Past its notAfter. */
    EXPIRED,
    /** Before its notBefore. */
    NOT_YET_VALID,
    /** An extended key usage without clientAuth (a server certificate used as a client one). */
    NO_CLIENT_AUTH;

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY = "2.5.29.37.0";

    /** The reason {@code pair} was refused, or null when its certificate gives none (the server had its own). */
    public static Rejection of(ClientPair pair, List<byte[]> acceptedIssuersDer, Instant now) {
        X509Certificate leaf = pair.leaf();
        if (!acceptedIssuersDer.isEmpty() && pair.chain().stream().noneMatch(c -> acceptedIssuersDer.stream()
                .anyMatch(der -> Arrays.equals(der, c.getIssuerX500Principal().getEncoded())))) {
            return ISSUER_NOT_ACCEPTED;
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return EXPIRED;
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return NOT_YET_VALID;
        }
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku != null && !eku.contains(CLIENT_AUTH) && !eku.contains(ANY)) {
                return NO_CLIENT_AUTH;
            }
        } catch (CertificateParsingException e) {
            return null;
        }
        return null;
    }

    /** The JSON id: {@code not-yet-valid}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
