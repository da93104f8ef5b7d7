package dev.certsd.pki;

import dev.certsd.certs.Cancel;
import dev.certsd.certs.Certificates;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.Pem;
import dev.certsd.certs.UserFiles;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.files.FileModes;
import dev.certsd.files.Message;
import dev.certsd.material.CertInfo;
import dev.certsd.material.ContentReader;
import dev.certsd.plan.OpensslSteps;
import dev.certsd.plan.Placement;
import dev.certsd.plan.Planned;
import dev.certsd.plan.Shell;
import dev.certsd.plan.Writes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The corporate-CA way: a request ({@code <name>.csr}) for the user to send, its key waiting in {@link PendingKeys}
 * outside certs.d; later the signed certificate is checked against the waiting keys and written with its key as
 * {@code <name>.cert} + {@code <name>.key} in one change.
 */
public final class CertificateRequests {
    private final Clock clock;
    private final PendingKeys pending;

    public CertificateRequests(Clock clock, PendingKeys pending) {
        this.clock = clock;
        this.pending = pending;
    }

    /**
     * A key and a request asking for clientAuth. The request goes to {@code csrFile}; the key waits in the
     * application's data directory. {@code spec.days()} is only shown: the CA decides the validity.
     */
    public Planned request(ClientSpec spec, Path csrFile, Cancel cancel, Progress progress) throws PkiException {
        spec.check();
        Placement placement = ClientCertificates.placement(spec);
        KeyPair keys = ClientCertificates.generate(spec.key(), cancel, progress, 2);
        PKCS10CertificationRequest csr = csr(spec, keys);
        Path out = csrFile.toAbsolutePath().normalize();
        Writes w = new Writes().directory(out.getParent(), FileModes.DIRECTORY)
                .file(out, Pem.ascii(pemOf(csr)), FileModes.CERTIFICATE, spec.overwrite());
        pending.add(w, keys.getPrivate(), keys.getPublic(), spec.hostDir(), spec.name(), out,
                spec.subject().x500().toString(), clock.instant());
        Path waitingKey = pending.keyFile(PendingKeys.id(keys.getPublic()));
        List<Message> notes = new ArrayList<>(placement.notes());
        notes.add(PkiText.of("csr.note", out, waitingKey));
        OpensslSteps openssl = new OpensslSteps()
                .comment(PkiText.of("openssl.csr"))
                .line("mkdir -p -m 700 " + Shell.q(pending.directory()))
                .line("(umask 077 && " + genkey(spec.key(), waitingKey) + ")")
                .line("openssl req -new -key " + Shell.q(waitingKey) + " -subj " + Shell.q(spec.subject().openssl())
                        + OpensslSteps.addext(OpensslSteps.leafExtensions(spec.key(), Certificates.Usage.CLIENT))
                        + " -out " + Shell.q(out));
        progress.report(2, 2, PkiText.of("progress.done"));
        return new Planned(w.changeSet(PkiText.of("change.csr", out, spec.hostDir())), placement, notes,
                openssl.script(), List.of());
    }

    /**
     * The certificate the CA sent back (PEM, DER or PKCS#7, possibly with its chain): the certificate whose public
     * key is a waiting key's, written with that key as {@code <name>.cert} (plus any intermediate CAs, which the
     * client sends along) and {@code <name>.key}, 0600; the waiting key leaves the data directory in the same change.
     */
    public Planned importSigned(Path hostDir, String name, byte[] certificateFile, boolean overwrite)
            throws PkiException {
        Path dir = hostDir.toAbsolutePath().normalize();
        List<CertInfo> certs = ContentReader.read(certificateFile).certificates();
        if (certs.isEmpty()) {
            throw PkiException.of("signed.noCertificate");
        }
        CertInfo leaf = null;
        PendingKeys.Waiting waiting = null;
        for (CertInfo c : certs) {
            Optional<PendingKeys.Waiting> w = pending.find(c.publicKeyId());
            if (w.isPresent()) {
                leaf = c;
                waiting = w.get();
                break;
            }
        }
        if (leaf == null) {
            throw PkiException.of("signed.noMatch", certs.get(0).subject(), pending.list().size(), pending.directory());
        }
        Placement placement = Placement.of(dir, name);
        if (!placement.existing().isEmpty() && !overwrite) {
            throw PkiException.of("error.pairExists", String.join(", ", placement.existing()), dir);
        }
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf.certificate()));
        for (CertInfo c : certs) {
            // Intermediates go along (Go sends the whole file); a self-signed root is the server's to know.
            if (c != leaf && !c.selfSigned()) {
                chain.add(c.certificate());
            }
        }
        List<Message> notes = new ArrayList<>(placement.notes());
        if (leaf.hasEku() && !leaf.extendedKeyUsages().contains("clientAuth")) {
            notes.add(PkiText.of("signed.noClientAuth", String.join(", ", leaf.extendedKeyUsages())));
        }
        Instant now = clock.instant();
        if (leaf.notAfter().isBefore(now)) {
            notes.add(PkiText.of("signed.expired", leaf.notAfter()));
        }
        byte[] key = UserFiles.read(waiting.keyFile());
        Writes w = new Writes().directory(dir, FileModes.DIRECTORY)
                .file(dir.resolve(placement.certFile()), Pem.ascii(Pem.certificates(chain)), FileModes.CERTIFICATE,
                        overwrite)
                .file(dir.resolve(placement.keyFile()), key, FileModes.KEY, overwrite)
                .delete(waiting.keyFile());
        if (Files.exists(waiting.noteFile())) {
            w.delete(waiting.noteFile());
        }
        OpensslSteps openssl = new OpensslSteps()
                .comment(PkiText.of("openssl.import"))
                .line("openssl x509 -in SIGNED.pem -noout -pubkey | openssl sha256")
                .line("openssl pkey -in " + Shell.q(waiting.keyFile()) + " -pubout | openssl sha256")
                .mkdirAndCd(dir, !Files.isDirectory(dir))
                .line("openssl x509 -in SIGNED.pem -out " + Shell.q(placement.certFile()))
                .line("install -m 600 " + Shell.q(waiting.keyFile()) + " " + Shell.q(placement.keyFile()))
                .line("rm " + Shell.q(waiting.keyFile()));
        return new Planned(w.changeSet(PkiText.of("change.import", placement.certFile(), placement.keyFile(), dir)),
                placement, notes, openssl.script(), chain);
    }

    private static PKCS10CertificationRequest csr(ClientSpec spec, KeyPair keys) {
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ext.addExtension(Extension.keyUsage, true, new KeyUsage(spec.key().rsa()
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            ext.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return new JcaPKCS10CertificationRequestBuilder(spec.subject().x500(), keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                    .build(new JcaContentSignerBuilder(Certificates.signatureAlgorithm(keys.getPrivate()))
                            .build(keys.getPrivate()));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build the request", e);
        }
    }

    private static String pemOf(PKCS10CertificationRequest csr) {
        try {
            return Pem.block("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("a built request always encodes", e);
        }
    }

    private static String genkey(KeySpec spec, Path out) {
        return new OpensslSteps().genkey(spec, out.toString()).script().commands().get(0);
    }
}
