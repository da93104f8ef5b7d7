package dev.certsd.probe;

import java.time.Duration;
import java.util.List;

/**
 * One connection to the registry and what happened on it.
 *
 * @param pair               the client certificate file presented, or null (baseline, insecure, plain HTTP)
 * @param tcpConnected       whether the TCP connection was made
 * @param tlsVersion         negotiated protocol (TLSv1.3), or null
 * @param serverChain        the chain the server presented
 * @param verifyError        Go's verification error for that chain and host name, or null when Go trusts it
 * @param certificateRequested whether the server asked for a client certificate
 * @param acceptableIssuers  the CA names the server listed in its CertificateRequest (RFC 2253)
 * @param keyTypes           the key types JSSE derived from the server's signature schemes
 * @param sentCertificate    the subject of the client certificate sent, or null
 * @param alert              the TLS alert received (bad_certificate...), or null
 * @param transportError     reset, eof, broken-pipe, plain-http, unresolvable... when the connection failed so
 * @param phase              where it ended: connect, proxy, handshake, request, response, done
 * @param httpStatus         the HTTP status of GET /v2/, or null
 * @param registryHeader     the Docker-Distribution-Api-Version header, or null
 * @param htmlTitle          the title of an HTML error page, or null
 * @param location           a redirect's Location (never followed), or null
 * @param rejection          why the server most likely refused the pair, as its certificate tells, or null
 */
public record Attempt(Kind kind, String pair, Outcome outcome, boolean tcpConnected, String tlsVersion,
                      String cipherSuite, List<ServerCert> serverChain, String verifyError,
                      boolean certificateRequested, List<String> acceptableIssuers, List<byte[]> acceptableIssuersDer,
                      List<String> keyTypes, String sentCertificate, String alert, String transportError, String phase,
                      Integer httpStatus, String registryHeader, String htmlTitle, String location, Duration elapsed,
                      String curl, String openssl, Rejection rejection) {

    /** Which attempt of a probe this is. */
    public enum Kind {
        /** TLS as the client does it, without any client certificate. */
        BASELINE,
        /** TLS with one client pair alone. */
        PAIR,
        /** What Docker does for an insecure registry: HTTPS without verification and without a client certificate. */
        INSECURE_HTTPS,
        /** ... and then plain HTTP. */
        PLAIN_HTTP
    }

    public Attempt {
        serverChain = List.copyOf(serverChain);
        acceptableIssuers = List.copyOf(acceptableIssuers);
        acceptableIssuersDer = List.copyOf(acceptableIssuersDer);
        keyTypes = List.copyOf(keyTypes);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
