package dev.certsd.pki;

import dev.certsd.certs.Cancel;
import dev.certsd.certs.Certificates;
import dev.certsd.certs.KeyPairs;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.Pem;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.certs.SigningCa;
import dev.certsd.files.FileModes;
import dev.certsd.files.Message;
import dev.certsd.plan.OpensslSteps;
import dev.certsd.plan.Placement;
import dev.certsd.plan.Planned;
import dev.certsd.plan.Shell;
import dev.certsd.plan.Writes;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The client pair a wizard makes, three ways: self-signed (the Docker docs' recipe, with clientAuth), signed by a
 * CA the user holds, or a request for a corporate CA ({@link CertificateRequests}). Each returns a {@link Planned}
 * change: nothing is written until the caller applies it through {@code FileChanges}. Keys in certs.d are never
 * encrypted (Docker cannot read encrypted keys) and always 0600.
 */
public final class ClientCertificates {
    /** Certificates start a little in the past, so a registry whose clock is behind accepts them at once. */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Clock clock;

    public ClientCertificates(Clock clock) {
        this.clock = clock;
    }

    /** The docs' recipe: a key, and a certificate signed by that key itself. */
    public Planned selfSigned(ClientSpec spec, Cancel cancel, Progress progress) throws PkiException {
        spec.check();
        Placement placement = placement(spec);
        KeyPair keys = generate(spec.key(), cancel, progress, 2);
        Certificates.Issued issued = Certificates.issue(spec.subject().x500(), keys, null,
                clock.instant().minus(BACKDATE), clock.instant().plus(Duration.ofDays(spec.days())),
                Certificates.Usage.CLIENT, List.of());
        List<Message> notes = new ArrayList<>(placement.notes());
        notes.add(PkiText.of("selfSigned.note", placement.hostDir().resolve(placement.certFile())));
        OpensslSteps openssl = new OpensslSteps()
                .comment(PkiText.of("openssl.selfSigned"))
                .mkdirAndCd(spec.hostDir(), !Files.isDirectory(spec.hostDir()))
                .genkey(spec.key(), placement.keyFile())
                .line("openssl req -new -x509 -key " + Shell.q(placement.keyFile()) + " -out "
                        + Shell.q(placement.certFile()) + " -days " + spec.days() + OpensslSteps.digest(spec.key())
                        + " -subj " + Shell.q(spec.subject().openssl())
                        + OpensslSteps.addext(OpensslSteps.leafExtensions(spec.key(), Certificates.Usage.CLIENT)))
                .line("chmod 600 " + Shell.q(placement.keyFile()));
        progress.report(2, 2, PkiText.of("progress.done"));
        return pair(spec, placement, issued, PkiText.of("change.selfSigned", placement.certFile(),
                spec.hostDir()), notes, openssl);
    }

    /** A key, and a certificate signed by the user's CA (the one the registry lists in {@code clientcas}). */
    public Planned signedBy(ClientSpec spec, SigningCa ca, Cancel cancel, Progress progress) throws PkiException {
        spec.check();
        Placement placement = placement(spec);
        List<Message> notes = new ArrayList<>(placement.notes());
        Instant now = clock.instant();
        Instant notAfter = now.plus(Duration.ofDays(spec.days()));
        if (ca.cert().getBasicConstraints() < 0) {
            notes.add(PkiText.of("ca.notCa", ca.certFile()));
        }
        if (ca.cert().getNotAfter().toInstant().isBefore(notAfter)) {
            // A certificate that outlives its issuer fails when the issuer does: say so, and end with it.
            notAfter = ca.cert().getNotAfter().toInstant();
            notes.add(PkiText.of("ca.endsFirst", ca.certFile(), notAfter));
        }
        if (ca.cert().getNotAfter().toInstant().isBefore(now)) {
            throw PkiException.of("ca.expired", ca.certFile(), ca.cert().getNotAfter().toInstant());
        }
        KeyPair keys = generate(spec.key(), cancel, progress, 2);
        Certificates.Issued issued = Certificates.issue(spec.subject().x500(), keys, ca.issuer(), now.minus(BACKDATE),
                notAfter, Certificates.Usage.CLIENT, List.of());
        notes.add(PkiText.of("signed.note", ca.certFile()));
        String name = placement.name();
        String ext = name + ".ext";
        OpensslSteps openssl = new OpensslSteps()
                .comment(PkiText.of("openssl.signed"))
                .mkdirAndCd(spec.hostDir(), !Files.isDirectory(spec.hostDir()))
                .genkey(spec.key(), placement.keyFile())
                .line("openssl req -new -key " + Shell.q(placement.keyFile()) + " -subj "
                        + Shell.q(spec.subject().openssl()) + " -out " + Shell.q(name + ".csr"))
                .line("printf '%s\\n' " + String.join(" ", OpensslSteps.leafExtensions(spec.key(),
                        Certificates.Usage.CLIENT).stream().map(Shell::q).toList()) + " > " + Shell.q(ext))
                .line("openssl x509 -req -in " + Shell.q(name + ".csr") + " -CA " + Shell.q(ca.certFile())
                        + " -CAkey " + Shell.q(ca.keyFile()) + " -set_serial 0x$(openssl rand -hex 16) -days "
                        + spec.days() + " -extfile " + Shell.q(ext) + " -out " + Shell.q(placement.certFile()))
                .line("rm " + Shell.q(name + ".csr") + " " + Shell.q(ext))
                .line("chmod 600 " + Shell.q(placement.keyFile()));
        progress.report(2, 2, PkiText.of("progress.done"));
        return pair(spec, placement, issued, PkiText.of("change.signed", placement.certFile(),
                spec.hostDir(), issued.cert().getIssuerX500Principal().getName()), notes, openssl);
    }

    /** The placement of the pair, refusing existing files unless the spec says to overwrite them. */
    static Placement placement(ClientSpec spec) throws PkiException {
        Placement p = Placement.of(spec.hostDir(), spec.name());
        if (!p.existing().isEmpty() && !spec.overwrite()) {
            throw PkiException.of("error.pairExists", String.join(", ", p.existing()), spec.hostDir());
        }
        return p;
    }

    static KeyPair generate(KeySpec key, Cancel cancel, Progress progress, int steps) throws PkiException.Cancelled {
        progress.report(0, steps, PkiText.of("progress.key", key.label()));
        KeyPair keys = KeyPairs.generate(key, cancel);
        progress.report(1, steps, PkiText.of("progress.certificate"));
        return keys;
    }

    /** The host directory (made when missing), then the certificate and the key, 0600. */
    private static Planned pair(ClientSpec spec, Placement placement, Certificates.Issued issued, Message description,
                                List<Message> notes, OpensslSteps openssl) throws PkiException {
        List<X509Certificate> certs = List.of(issued.cert());
        Writes w = new Writes().directory(spec.hostDir(), FileModes.DIRECTORY)
                .file(spec.hostDir().resolve(placement.certFile()), Pem.ascii(Pem.certificates(certs)),
                        FileModes.CERTIFICATE, spec.overwrite())
                .file(spec.hostDir().resolve(placement.keyFile()), Pem.ascii(Pem.privateKey(issued.keys().getPrivate())),
                        FileModes.KEY, spec.overwrite());
        return new Planned(w.changeSet(description), placement, notes, openssl.script(), certs);
    }
}
