package dev.certsd.probe.peers;

import dev.certsd.testing.TestPki;
import dev.certsd.testing.TestPki.Issued;
import java.nio.file.Path;

/**
 * Fresh PKI for the real peers: a server CA and a server certificate valid for 127.0.0.1 (IP SAN, which Go
 * requires) and localhost; a client CA the servers list; and the client pairs the connection tests combine.
 * Keys come from {@link TestPki}'s pool at indexes no other test uses, so they are this PKI's own.
 */
public final class PeerPki {
    public final Issued serverCa;
    public final Issued server;
    public final Issued clientCa;
    /** Signed by the client CA, clientAuth: accepted. */
    public final Issued good;
    /** Signed by the client CA, expired ten days ago: a Go client still sends it. */
    public final Issued expired;
    /** Self-signed: its issuer is not in the servers' list, a Go client skips it. */
    public final Issued selfSigned;
    /** Its issuer NAME equals the client CA's, but another key signed it: a Go client sends it. */
    public final Issued rogue;
    /** From a CA the servers do not know, with another name: never sent by Go. */
    public final Issued otherCa;

    public PeerPki() {
        String org = "O=Certs.d Peers " + Long.toHexString(System.nanoTime());
        serverCa = TestPki.cert(org + ",CN=Registry CA").keys(TestPki.rsa(40)).ca().build();
        server = TestPki.cert("CN=127.0.0.1").keys(TestPki.rsa(41)).issuer(serverCa).serverAuth()
                .ip("127.0.0.1").dns("localhost").build();
        clientCa = TestPki.cert(org + ",CN=Client CA").keys(TestPki.rsa(42)).ca().build();
        good = TestPki.cert(org + ",CN=good client").keys(TestPki.rsa(43)).issuer(clientCa).clientAuth().build();
        expired = TestPki.cert(org + ",CN=expired client").keys(TestPki.rsa(44)).issuer(clientCa).clientAuth()
                .expired().build();
        selfSigned = TestPki.cert(org + ",CN=self-signed client").keys(TestPki.rsa(45)).clientAuth().build();
        Issued rogueCa = TestPki.cert(org + ",CN=Client CA").keys(TestPki.rsa(46)).ca().build();
        rogue = TestPki.cert(org + ",CN=rogue client").keys(TestPki.rsa(47)).issuer(rogueCa).clientAuth().build();
        Issued unknownCa = TestPki.cert(org + ",CN=Unknown CA").keys(TestPki.rsa(48)).ca().build();
        otherCa = TestPki.cert(org + ",CN=other-ca client").keys(TestPki.rsa(49)).issuer(unknownCa).clientAuth()
                .build();
    }

    /** The server's files: {@code server.pem}, {@code server.key}, {@code client-ca.pem}. */
    public ServerFiles writeServerFiles(Path dir) {
        return writeServerFiles(dir, server);
    }

    /** The same with another server certificate (one a client should reject). */
    public ServerFiles writeServerFiles(Path dir, Issued serverCert) {
        return new ServerFiles(TestPki.write(dir, "server.pem", serverCert.certPem()),
                TestPki.write(dir, "server.key", serverCert.keyPem()),
                TestPki.write(dir, "client-ca.pem", clientCa.certPem()));
    }

    /** A host directory with {@code ca.crt} (the server CA) and the given pairs ({@code name.cert/.key}). */
    public Path hostDir(Path dir, Named... pairs) {
        TestPki.write(dir, "ca.crt", serverCa.certPem());
        for (Named p : pairs) {
            TestPki.pair(dir, p.name(), p.issued());
        }
        return dir;
    }

    /** A pair under its file base name: {@code named("a-expired", pki.expired)}. */
    public static Named named(String name, Issued issued) {
        return new Named(name, issued);
    }

    /** A client pair and the base name of its files. */
    public record Named(String name, Issued issued) {
    }

    /** Where a server's certificate, key and client CA bundle are. */
    public record ServerFiles(Path certificate, Path key, Path clientCas) {
    }
}
