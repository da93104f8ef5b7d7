package dev.certsd.pki;

import dev.certsd.files.Message;
import java.util.List;

/** What a source of CA certificates held: certificates to choose from, a request for a password, or nothing. */
public sealed interface CaSource {
    /**
     * The certificates found, in the order of the source (a server's chain: its own certificate first).
     *
     * @param origin where they came from, for the equivalent openssl commands
     */
    record Found(List<CaCandidate> certificates, Origin origin) implements CaSource {
        public Found {
            certificates = List.copyOf(certificates);
        }
    }

    /** Where certificates came from: a file by format, pasted text, a server, Harbor's API. */
    record Origin(Kind kind, String where) {
        /** The kinds of source. */
        public enum Kind { PEM, DER, PKCS7_PEM, PKCS7_DER, PKCS12, TEXT, SERVER, HARBOR }
    }

    /** A PKCS#12 file protected by a password: ask for it and read again. */
    record NeedsPassword() implements CaSource {
    }

    /** Nothing to import; {@code why} says what the source held instead and what to do. */
    record Nothing(Message why) implements CaSource {
    }
}
