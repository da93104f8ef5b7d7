package dev.certsd.pki;

import dev.certsd.certs.Certificates;
import dev.certsd.certs.Pem;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.certs.UserFiles;
import dev.certsd.files.FileModes;
import dev.certsd.files.Message;
import dev.certsd.material.CertInfo;
import dev.certsd.material.Content;
import dev.certsd.material.ContentIssue;
import dev.certsd.material.ContentReader;
import dev.certsd.material.Fingerprints;
import dev.certsd.material.InputFiles;
import dev.certsd.plan.OpensslScript;
import dev.certsd.plan.OpensslSteps;
import dev.certsd.plan.Placement;
import dev.certsd.plan.Planned;
import dev.certsd.plan.Shell;
import dev.certsd.plan.Writes;
import dev.certsd.probe.Attempt;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.Endpoint;
import dev.certsd.probe.Outcome;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.ServerCertificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CA-root import: read candidates from a file, pasted text, the live server or Harbor's published CA; the user
 * picks one by its SHA-256 fingerprint (nothing is trusted automatically); it is written as PEM named {@code *.crt}.
 */
public final class CaImport {
    /** Harbor publishes the CA of its registry certificate here (a PEM file; 404 when it has none). */
    public static final String HARBOR_CA_PATH = "/api/v2.0/systeminfo/getcert";

    private final Clock clock;

    public CaImport(Clock clock) {
        this.clock = clock;
    }

    /** Certificates in a file: PEM (one or many), DER, PKCS#7 (PEM or DER), PKCS#12 (password may be null). */
    public static CaSource fromFile(Path file, char[] pkcs12Password) throws PkiException {
        return fromBytes(UserFiles.read(file), pkcs12Password, file.toAbsolutePath().toString());
    }

    /** Certificates read from a stream (standard input, "-"), within the input limit. */
    public static CaSource fromInput(InputStream in) throws PkiException {
        try {
            return fromText(new String(InputFiles.read(in, "-"), StandardCharsets.UTF_8));
        } catch (InputFiles.TooLarge e) {
            throw PkiException.tooLarge("-", e);
        } catch (IOException e) {
            throw PkiException.unreadable("-", e);
        }
    }

    /**
     * Certificates in pasted text (the clipboard): PEM blocks, or Base64 without its header lines. Text over the
     * input limit holds nothing to import.
     */
    public static CaSource fromText(String text) {
        if (text.length() > InputFiles.MAX_BYTES) {
            return new CaSource.Nothing(PkiText.of("source.tooLarge", InputFiles.TooLarge.limit()));
        }
        CaSource s = fromBytes(text.getBytes(StandardCharsets.UTF_8), null, null);
        return s instanceof CaSource.Found f
                ? new CaSource.Found(f.certificates(), new CaSource.Origin(CaSource.Origin.Kind.TEXT, null)) : s;
    }

    static CaSource fromBytes(byte[] data, char[] password, String where) {
        Content content = ContentReader.read(data);
        if (content.format() == Content.Format.PKCS12) {
            return pkcs12(data, password, where);
        }
        List<X509Certificate> certs = content.certificates().stream().map(CertInfo::certificate).toList();
        if (certs.isEmpty()) {
            String why = !content.keys().isEmpty() ? "source.onlyKey"
                    : content.issues().contains(ContentIssue.CERTIFICATE_REQUEST) ? "source.request" : "source.nothing";
            return new CaSource.Nothing(PkiText.of(why));
        }
        CaSource.Origin.Kind kind = switch (content.format()) {
            case DER -> CaSource.Origin.Kind.DER;
            case PKCS7 -> CaSource.Origin.Kind.PKCS7_DER;
            default -> content.issues().contains(ContentIssue.PKCS7_PEM) ? CaSource.Origin.Kind.PKCS7_PEM
                    : CaSource.Origin.Kind.PEM;
        };
        return found(certs, new CaSource.Origin(kind, where));
    }

    private static CaSource pkcs12(byte[] data, char[] password, String where) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(data), password == null ? new char[0] : password);
            for (String alias : Collections.list(ks.aliases())) {
                Certificate[] chain = ks.getCertificateChain(alias);
                List<Certificate> all = chain != null ? List.of(chain) : List.of(ks.getCertificate(alias));
                for (Certificate c : all) {
                    if (c instanceof X509Certificate x) {
                        certs.add(x);
                    }
                }
            }
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException (the MAC does not verify)
            return password == null || password.length == 0 ? new CaSource.NeedsPassword()
                    : new CaSource.Nothing(PkiText.of("source.pkcs12Password"));
        } catch (Exception e) {
            return new CaSource.Nothing(PkiText.of("source.nothing"));
        }
        if (certs.isEmpty()) {
            return new CaSource.Nothing(PkiText.of("source.nothing"));
        }
        return found(certs, new CaSource.Origin(CaSource.Origin.Kind.PKCS12, where));
    }

    /** The server's answer to one unverified handshake, and the chain it presented as candidates. */
    public record ServerOffer(Attempt attempt, CaSource source) {
    }

    /**
     * Connects once without verification (through {@code probe}) and offers the chain the server presented. The
     * root is usually not in it (servers rarely send it): then its issuing CA is the one to pick.
     */
    public static ServerOffer fromServer(Endpoint endpoint, ProbeOptions options, Cancellation cancellation) {
        Attempt a = ServerCertificates.presented(endpoint, options, cancellation);
        if (a.serverChain().isEmpty() && a.outcome() == Outcome.TIMEOUT) {
            return new ServerOffer(a, new CaSource.Nothing(PkiText.of("source.serverTimeout", endpoint.authority(),
                    seconds(options.timeouts().attempt()))));
        }
        if (a.serverChain().isEmpty()) {
            String why = a.transportError() != null ? a.transportError() : a.outcome().id();
            return new ServerOffer(a, new CaSource.Nothing(PkiText.of("source.noChain", endpoint.authority(), why)));
        }
        return new ServerOffer(a, found(a.serverChain().stream().map(c -> c.certificate()).toList(),
                new CaSource.Origin(CaSource.Origin.Kind.SERVER, endpoint.host() + ":" + endpoint.port())));
    }

    /** Harbor's published CA, fetched over an unverified connection: a candidate like any other. */
    public static CaSource fromHarbor(Endpoint registry, ProbeOptions options, Cancellation cancellation) {
        Endpoint url = new Endpoint("https", registry.host(), registry.port(), HARBOR_CA_PATH);
        ServerCertificates.Fetched f;
        try {
            f = ServerCertificates.fetch(url, options, cancellation);
        } catch (ServerCertificates.TimedOut e) {
            return new CaSource.Nothing(PkiText.of("source.harborTimeout", url.url(), seconds(e.limit())));
        } catch (IOException | RuntimeException e) {
            return new CaSource.Nothing(PkiText.of("source.harborFailed", url.url(), String.valueOf(e.getMessage())));
        }
        if (f.status() != 200) {
            return new CaSource.Nothing(PkiText.of("source.harborNone", url.url(), f.status()));
        }
        CaSource s = fromBytes(f.body(), null, null);
        if (s instanceof CaSource.Found found) {
            return new CaSource.Found(found.certificates(), new CaSource.Origin(CaSource.Origin.Kind.HARBOR, url.url()));
        }
        return new CaSource.Nothing(PkiText.of("source.harborNotPem", url.url()));
    }

    /** Seconds as the user typed them: 2, 0.5. */
    private static String seconds(java.time.Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static CaSource found(List<X509Certificate> certs, CaSource.Origin origin) {
        Map<String, CaCandidate> unique = new LinkedHashMap<>();
        for (X509Certificate c : certs) {
            CaCandidate cand = CaCandidate.of(c);
            unique.putIfAbsent(cand.sha256(), cand);
        }
        return new CaSource.Found(List.copyOf(unique.values()), origin);
    }

    /** {@code ca.crt}, or {@code ca-2.crt}, {@code ca-3.crt}... whichever is free in {@code hostDir}. */
    public static String suggestedName(Path hostDir) {
        String name = "ca.crt";
        for (int i = 2; Files.exists(hostDir.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            name = "ca-" + i + ".crt";
        }
        return name;
    }

    /** Why {@code fileName} cannot name a CA file; empty when it can. */
    public static Optional<Message> fileNameProblem(String fileName) {
        if (fileName == null || !fileName.endsWith(".crt")) {
            return Optional.of(PkiText.of("ca.nameExtension", String.valueOf(fileName)));
        }
        return Placement.nameProblem(fileName.substring(0, fileName.length() - 4)).map(
                t -> PkiText.of("name.characters", fileName));
    }

    /**
     * Writes the certificate the user picked, as PEM, to {@code hostDir/fileName}.
     *
     * @param chosenSha256 the fingerprint the user confirmed: the choice is explicit, never the engine's
     * @param fileName     a {@code *.crt} name, or null for {@link #suggestedName}
     */
    public Planned plan(Path hostDir, CaSource.Found offered, String chosenSha256, String fileName, boolean overwrite)
            throws PkiException {
        Path dir = hostDir.toAbsolutePath().normalize();
        CaCandidate chosen = offered.certificates().stream().filter(c -> c.matches(chosenSha256)).findFirst()
                .orElseThrow(() -> PkiException.of("ca.notOffered", String.valueOf(chosenSha256)));
        String name = fileName != null ? fileName : suggestedName(dir);
        Optional<Message> nameProblem = fileNameProblem(name);
        if (nameProblem.isPresent()) {
            throw new PkiException(nameProblem.get());
        }
        Optional<String> already = alreadyTrusted(dir, chosen);
        if (already.isPresent()) {
            throw PkiException.of("ca.alreadyTrusted", chosen.subject(), dir.resolve(already.get()));
        }
        List<Message> notes = new ArrayList<>();
        if (!chosen.ca()) {
            notes.add(PkiText.of("ca.note.notCa", chosen.subject()));
        } else if (!chosen.selfSigned()) {
            notes.add(PkiText.of("ca.note.intermediate", chosen.subject(), chosen.issuer()));
        }
        if (chosen.notAfter().isBefore(clock.instant())) {
            notes.add(PkiText.of("ca.note.expired", chosen.subject(), chosen.notAfter()));
        }
        Path target = dir.resolve(name);
        Writes w = new Writes().directory(dir, FileModes.DIRECTORY)
                .file(target, Pem.ascii(Pem.certificate(chosen.certificate())), FileModes.CERTIFICATE, overwrite);
        return new Planned(w.changeSet(PkiText.of("change.ca", chosen.subject(), target)), null, notes,
                openssl(offered.origin(), chosen, target), List.of(chosen.certificate()));
    }

    private static OpensslScript openssl(CaSource.Origin origin, CaCandidate chosen, Path target) {
        OpensslSteps s = new OpensslSteps().comment(PkiText.of("openssl.ca", chosen.sha256()));
        String in = origin.where() == null ? "ca-source.pem" : origin.where();
        switch (origin.kind()) {
            case SERVER -> s.line("openssl s_client -connect " + Shell.q(in) + " -showcerts </dev/null"
                    + "   # copy the block with the fingerprint above into ca-source.pem")
                    .line("openssl x509 -in ca-source.pem -noout -subject -fingerprint -sha256");
            case HARBOR -> s.line("curl -k -o ca-source.pem " + Shell.q(in))
                    .line("openssl x509 -in ca-source.pem -noout -subject -fingerprint -sha256");
            case DER -> s.line("openssl x509 -inform DER -in " + Shell.q(in) + " -noout -subject -fingerprint -sha256");
            case PKCS7_PEM, PKCS7_DER -> s.line("openssl pkcs7 " + (origin.kind() == CaSource.Origin.Kind.PKCS7_DER
                    ? "-inform DER " : "") + "-in " + Shell.q(in) + " -print_certs   # keep the block you chose in ca-source.pem");
            case PKCS12 -> s.line("openssl pkcs12 -in " + Shell.q(in) + " -nokeys"
                    + "   # keep the block you chose in ca-source.pem");
            default -> s.line("openssl x509 -in " + Shell.q(in) + " -noout -subject -fingerprint -sha256");
        }
        String source = origin.kind() == CaSource.Origin.Kind.DER || origin.kind() == CaSource.Origin.Kind.PEM
                ? Shell.q(in) : "ca-source.pem";
        String inform = origin.kind() == CaSource.Origin.Kind.DER ? "-inform DER " : "";
        return s.line("openssl x509 " + inform + "-in " + source + " -out " + Shell.q(target)).script();
    }

    private static Optional<String> alreadyTrusted(Path dir, CaCandidate chosen) throws PkiException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.crt")) {
            for (Path p : s) {
                if (!Files.isRegularFile(p) || Files.size(p) > InputFiles.MAX_BYTES) {
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = InputFiles.readRegular(p);
                } catch (InputFiles.TooLarge grew) {
                    continue; // grew past the limit since it was listed: not a CA anyone trusts
                }
                for (CertInfo c : ContentReader.read(bytes).goCertificates()) {
                    if (c.sha256().equals(Fingerprints.sha256(chosen.certificate().getEncoded()))) {
                        return Optional.of(p.getFileName().toString());
                    }
                }
            }
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw PkiException.unreadable(dir, e);
        }
        return Optional.empty();
    }
}
