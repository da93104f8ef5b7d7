package dev.certsd.pki;

import dev.certsd.certs.Cancel;
import dev.certsd.certs.Certificates;
import dev.certsd.certs.KeyPairs;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.Pem;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.certs.Subject;
import dev.certsd.files.FileModes;
import dev.certsd.files.Message;
import dev.certsd.plan.OpensslScript;
import dev.certsd.plan.OpensslSteps;
import dev.certsd.plan.Placement;
import dev.certsd.plan.Planned;
import dev.certsd.plan.Shell;
import dev.certsd.plan.Writes;
import dev.certsd.roots.IpLiteral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * "Test PKI for my own registry": a registry CA and a server certificate with the SANs given, a client CA and a
 * client certificate. The client side goes into certs.d (the registry CA as {@code ca.crt}, the client pair); the
 * server side into a folder of the user's choice with {@code config.yml} and an nginx snippet; all in one change.
 */
public final class RegistryTestPki {
    /** The CAs outlive the leaves, so renewing a leaf does not mean distributing a new CA. */
    static final int CA_DAYS = 3650;
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private final Clock clock;

    public RegistryTestPki(Clock clock) {
        this.clock = clock;
    }

    /** The server side's files, by role. */
    public record ServerFiles(Path registryCa, Path registryCaKey, Path serverCert, Path serverKey, Path clientCa,
                              Path clientCaKey, Path config, Path nginx) {
        static ServerFiles in(Path dir) {
            return new ServerFiles(dir.resolve("registry-ca.crt"), dir.resolve("registry-ca.key"),
                    dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("client-ca.crt"),
                    dir.resolve("client-ca.key"), dir.resolve("config.yml"), dir.resolve("nginx.conf"));
        }
    }

    public static ServerFiles serverFiles(Path serverOut) {
        return ServerFiles.in(serverOut.toAbsolutePath().normalize());
    }

    /** Why a SAN cannot go into the server certificate; empty when it can. */
    public static Optional<Message> sanProblem(String san) {
        String s = san == null ? "" : san.strip();
        String bare = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (IpLiteral.parse(bare).isPresent() || DNS_NAME.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(PkiText.of("san.invalid", s));
    }

    /** The SANs of the server certificate: the registry's host first, then the ones given, without repeats. */
    public static List<String> sans(TestPkiSpec spec) throws PkiException {
        Set<String> out = new LinkedHashSet<>();
        out.add(spec.registry().hostDir().host());
        for (String s : spec.sans()) {
            Optional<Message> p = sanProblem(s);
            if (p.isPresent()) {
                throw new PkiException(p.get());
            }
            String t = s.strip();
            out.add(t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t);
        }
        return List.copyOf(out);
    }

    public Planned plan(TestPkiSpec spec, Cancel cancel, Progress progress) throws PkiException {
        spec.client().check();
        ClientSpec.checkDays(spec.days());
        List<String> sans = sans(spec);
        String host = spec.registry().hostDir().host();
        int port = spec.registry().hostDir().port() == null ? 443 : spec.registry().hostDir().port();
        Placement placement = Placement.of(spec.hostDir(), spec.clientName());
        if (!placement.existing().isEmpty() && !spec.overwrite()) {
            throw PkiException.of("error.pairExists", String.join(", ", placement.existing()), spec.hostDir());
        }
        String org = spec.client().organization().isEmpty() ? "Certs.d Studio test PKI" : spec.client().organization();
        Instant from = clock.instant().minus(ClientCertificates.BACKDATE);
        Instant leafTo = clock.instant().plus(Duration.ofDays(spec.days()));
        Instant caTo = clock.instant().plus(Duration.ofDays(Math.max(CA_DAYS, spec.days())));

        KeyPair[] keys = new KeyPair[4];
        for (int i = 0; i < 4; i++) {
            progress.report(i, 5, PkiText.of("progress.testKey." + i, i + 1, 4, spec.key().label()));
            keys[i] = KeyPairs.generate(spec.key(), cancel);
        }
        progress.report(4, 5, PkiText.of("progress.certificate"));
        Certificates.Issued registryCa = Certificates.issue(name(org, "Registry CA for " + host), keys[0], null, from,
                caTo, Certificates.Usage.CA, List.of());
        Certificates.Issued server = Certificates.issue(name(org, host), keys[1], registryCa.asIssuer(), from, leafTo,
                Certificates.Usage.SERVER, sans);
        Certificates.Issued clientCa = Certificates.issue(name(org, "Client CA for " + host), keys[2], null, from,
                caTo, Certificates.Usage.CA, List.of());
        Certificates.Issued client = Certificates.issue(new Subject(spec.client().commonName(), org,
                spec.client().organizationUnit()).x500(), keys[3], clientCa.asIssuer(), from, leafTo,
                Certificates.Usage.CLIENT, List.of());

        ServerFiles f = serverFiles(spec.serverOut());
        boolean ow = spec.overwrite();
        Path caInHost = spec.hostDir().resolve("ca.crt");
        Writes w = new Writes().directory(spec.serverOut(), FileModes.DIRECTORY)
                .file(f.registryCa(), cert(registryCa), FileModes.CERTIFICATE, ow)
                .file(f.registryCaKey(), key(registryCa), FileModes.KEY, ow)
                .file(f.serverCert(), cert(server), FileModes.CERTIFICATE, ow)
                .file(f.serverKey(), key(server), FileModes.KEY, ow)
                .file(f.clientCa(), cert(clientCa), FileModes.CERTIFICATE, ow)
                .file(f.clientCaKey(), key(clientCa), FileModes.KEY, ow)
                .file(f.config(), Pem.ascii(ServerSnippets.registryConfig(host, port, f.serverCert(), f.serverKey(),
                        f.clientCa(), spec.storage())), FileModes.CERTIFICATE, ow)
                .file(f.nginx(), Pem.ascii(ServerSnippets.nginx(host, port, f.serverCert(), f.serverKey(),
                        f.clientCa())), FileModes.CERTIFICATE, ow)
                .directory(spec.hostDir(), FileModes.DIRECTORY)
                .file(caInHost, cert(registryCa), FileModes.CERTIFICATE, ow)
                .file(spec.hostDir().resolve(placement.certFile()), cert(client), FileModes.CERTIFICATE, ow)
                .file(spec.hostDir().resolve(placement.keyFile()), key(client), FileModes.KEY, ow);
        List<Message> notes = new ArrayList<>(placement.notes());
        notes.add(PkiText.of("testPki.note", f.config(), f.nginx(), String.join(", ", sans)));
        progress.report(5, 5, PkiText.of("progress.done"));
        return new Planned(w.changeSet(PkiText.of("change.testPki", spec.registry().registry(), spec.serverOut(),
                spec.hostDir())), placement, notes, openssl(spec, sans, f, placement, org),
                List.of(client.cert(), clientCa.cert(), server.cert(), registryCa.cert()));
    }

    private static X500Name name(String org, String cn) {
        return new Subject(cn, org, "").x500();
    }

    private static byte[] cert(Certificates.Issued i) {
        return Pem.ascii(Pem.certificate(i.cert()));
    }

    private static byte[] key(Certificates.Issued i) {
        return Pem.ascii(Pem.privateKey(i.keys().getPrivate()));
    }

    private static OpensslScript openssl(TestPkiSpec spec, List<String> sans, ServerFiles f, Placement placement,
                                  String org) {
        String host = spec.registry().hostDir().host();
        KeySpec k = spec.key();
        int days = spec.days();
        int caDays = Math.max(CA_DAYS, days);
        String san = String.join(",", sans.stream().map(s -> (IpLiteral.isLiteral(s) ? "IP:" : "DNS:") + s).toList());
        OpensslSteps s = new OpensslSteps().comment(PkiText.of("openssl.testPki"))
                .mkdirAndCd(spec.serverOut(), !Files.isDirectory(spec.serverOut()))
                .line("umask 022");
        ca(s, k, "registry-ca", new Subject("Registry CA for " + host, org, ""), caDays);
        leaf(s, k, "server", new Subject(host, org, ""), "registry-ca", Certificates.Usage.SERVER, "subjectAltName="
                + san, days);
        ca(s, k, "client-ca", new Subject("Client CA for " + host, org, ""), caDays);
        leaf(s, k, "client", new Subject(spec.client().commonName(), org, spec.client().organizationUnit()),
                "client-ca", Certificates.Usage.CLIENT, null, days);
        s.comment(PkiText.of("openssl.testPki.snippets"))
                .line("mkdir -p " + Shell.q(spec.hostDir()))
                .line("cp registry-ca.crt " + Shell.q(spec.hostDir().resolve("ca.crt")))
                .line("mv client.crt " + Shell.q(spec.hostDir().resolve(placement.certFile())))
                .line("mv client.key " + Shell.q(spec.hostDir().resolve(placement.keyFile())))
                .line("chmod 600 *.key " + Shell.q(spec.hostDir().resolve(placement.keyFile())));
        return s.script();
    }

    private static void ca(OpensslSteps s, KeySpec k, String base, Subject subject, int days) {
        s.genkey(k, base + ".key").line("openssl req -new -x509 -key " + base + ".key -out " + base + ".crt -days "
                + days + OpensslSteps.digest(k) + " -subj " + Shell.q(subject.openssl())
                + OpensslSteps.addext(List.of("basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign")));
    }

    private static void leaf(OpensslSteps s, KeySpec k, String base, Subject subject, String issuer,
                             Certificates.Usage usage, String extra, int days) {
        List<String> ext = new ArrayList<>(OpensslSteps.leafExtensions(k, usage));
        if (extra != null) {
            ext.add(extra);
        }
        s.genkey(k, base + ".key")
                .line("openssl req -new -key " + base + ".key -subj " + Shell.q(subject.openssl()) + " -out " + base
                        + ".csr")
                .line("printf '%s\\n' " + String.join(" ", ext.stream().map(Shell::q).toList()) + " > " + base + ".ext")
                .line("openssl x509 -req -in " + base + ".csr -CA " + issuer + ".crt -CAkey " + issuer
                        + ".key -set_serial 0x$(openssl rand -hex 16) -days " + days + OpensslSteps.digest(k)
                        + " -extfile " + base + ".ext -out " + base + ".crt")
                .line("rm " + base + ".csr " + base + ".ext");
    }
}
