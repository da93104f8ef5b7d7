package dev.certsd.probe;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * Which client pair a Go TLS client sends (crypto/tls getClientCertificate and SupportsCertificate): the first
 * pair, in load order, whose key fits the server's signature schemes and, when the server lists acceptable CAs,
 * one of whose certificates has an issuer equal byte for byte to one of them. None qualifies: nothing is sent.
 * There is no retry with the next pair.
 */
public final class GoClientModel {
    private GoClientModel() {
    }

    /** Why Go sends what it sends. */
    public enum Reason {
        NOT_REQUESTED, EMPTY_CA_LIST_FIRST_PAIR, ISSUER_MATCH, NO_MATCH, NO_PAIRS,
        /** Go verifies the server first: a certificate it rejects ends the handshake before any pair is chosen. */
        SERVER_NOT_VERIFIED
    }

    /** The pair Go sends (null for none) and why. */
    public record Choice(ClientPair pair, Reason reason) {
        public String name() {
            return pair == null ? null : pair.name();
        }
    }

    public static Choice choose(List<ClientPair> pairs, boolean requested, List<byte[]> acceptableCas,
                                List<String> keyTypes) {
        if (!requested) {
            return new Choice(null, Reason.NOT_REQUESTED);
        }
        if (pairs.isEmpty()) {
            return new Choice(null, Reason.NO_PAIRS);
        }
        for (ClientPair p : pairs) {
            if (!keyTypes.isEmpty() && !fits(p, keyTypes)) {
                continue;
            }
            if (acceptableCas.isEmpty()) {
                return new Choice(p, Reason.EMPTY_CA_LIST_FIRST_PAIR);
            }
            for (X509Certificate c : p.chain()) {
                byte[] issuer = c.getIssuerX500Principal().getEncoded();
                for (byte[] ca : acceptableCas) {
                    if (Arrays.equals(issuer, ca)) {
                        return new Choice(p, Reason.ISSUER_MATCH);
                    }
                }
            }
        }
        return new Choice(null, Reason.NO_MATCH);
    }

    private static boolean fits(ClientPair p, List<String> keyTypes) {
        String k = p.keyType();
        return keyTypes.contains(k) || (k.equals("RSA") && keyTypes.contains("RSASSA-PSS"))
                || (k.equals("EdDSA") && keyTypes.contains("Ed25519"));
    }
}
