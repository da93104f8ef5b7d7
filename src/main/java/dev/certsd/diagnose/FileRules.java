package dev.certsd.diagnose;

import static dev.certsd.diagnose.Severity.ERROR;
import static dev.certsd.diagnose.Severity.INFO;
import static dev.certsd.diagnose.Severity.WARNING;

import dev.certsd.roots.Client;
import dev.certsd.roots.FileRole;
import dev.certsd.material.CertInfo;
import dev.certsd.material.Content;
import dev.certsd.material.ContentIssue;
import dev.certsd.material.GoKeyPair;
import dev.certsd.material.KeyInfo;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules about one file: its name against its content, its validity, its permissions. */
final class FileRules {
    /** Content facts that are worth knowing but do not make a file unusable by themselves. */
    private static final Set<ContentIssue> INFORMATIVE = EnumSet.of(ContentIssue.UTF8_BOM,
            ContentIssue.PEM_HEADERS_ON_CERTIFICATE, ContentIssue.PEM_UNKNOWN_BLOCK, ContentIssue.CRL,
            ContentIssue.PUBLIC_KEY_ONLY, ContentIssue.PKCS12_FILE);

    private final Client client;
    private final Map<String, FileEntry> byName;
    private final TimeTexts times = new TimeTexts();
    private final ClientLoad load;
    private final ScanOptions options;
    private final Instant now;

    FileRules(Client client, Map<String, FileEntry> byName, ClientLoad load, ScanOptions options) {
        this.client = client;
        this.byName = byName;
        this.load = load;
        this.options = options;
        this.now = options.clock().instant();
    }

    List<Finding> check(FileEntry e, FileRole role) {
        List<Finding> out = new ArrayList<>();
        if (e.kind() != FileEntry.Kind.REGULAR) {
            fileSystem(e, role, out);
            return out;
        }
        switch (role) {
            case CA -> ca(e, out);
            case CLIENT_CERT -> clientCert(e, out);
            case CLIENT_KEY -> clientKey(e, out);
            case CONFIG -> out.add(Finding.of(FindingCode.HOSTS_TOML_PRESENT, INFO, e.name()));
            case IGNORED -> ignored(e, out);
        }
        return out;
    }

    private void fileSystem(FileEntry e, FileRole role, List<Finding> out) {
        boolean read = role != FileRole.IGNORED;
        switch (e.kind()) {
            case SPECIAL -> out.add(Finding.of(FindingCode.SPECIAL_FILE, read ? ERROR : INFO, e.name()));
            case SYMLINK_LOOP -> out.add(Finding.of(FindingCode.SYMLINK_LOOP, read ? ERROR : INFO, e.name()));
            case BROKEN_SYMLINK, MISSING -> out.add(Finding.of(FindingCode.BROKEN_SYMLINK,
                    !read ? INFO : client == Client.CONTAINERS && role == FileRole.CA ? WARNING : ERROR, e.name()));
            case UNREADABLE -> out.add(Finding.of(FindingCode.UNREADABLE_FILE,
                    !read ? INFO : options.privilegedReader() ? WARNING : ERROR, e.name()));
            case DIRECTORY -> {
                if (read && role != FileRole.CONFIG) {
                    out.add(Finding.of(FindingCode.DIRECTORY_WITH_ROLE_NAME,
                            client == Client.CONTAINERD ? INFO : ERROR, e.name()));
                }
            }
            case TOO_LARGE -> out.add(Finding.of(FindingCode.HUGE_FILE, WARNING, e.name(),
                    Long.toString(e.size()), Long.toString(options.maxFileBytes())));
            default -> {
            }
        }
        if (role == FileRole.CLIENT_KEY && (e.kind() == FileEntry.Kind.UNREADABLE || e.kind() == FileEntry.Kind.TOO_LARGE)) {
            orphanKey(e, out);
        }
    }

    private void ca(FileEntry e, List<Finding> out) {
        Content c = e.content();
        if (c.goCertificates().isEmpty()) {
            if (c.has(ContentIssue.DER_CERTIFICATE)) {
                out.add(Finding.of(FindingCode.CRT_NOT_PEM, ERROR, e.name()));
            } else if (c.hasKeys() && !c.hasCertificates()) {
                out.add(Finding.of(FindingCode.CRT_HOLDS_PRIVATE_KEY, ERROR, e.name()));
            }
            contentIssues(e, c, out, ERROR, ContentIssue.DER_CERTIFICATE, ContentIssue.ENCRYPTED_KEY);
            return;
        }
        contentIssues(e, c, out, WARNING);
        if (c.hasKeys()) {
            out.add(Finding.of(FindingCode.CRT_HOLDS_PRIVATE_KEY, WARNING, e.name()));
        }
        String keyName = FileRole.base(e.name()) + ".key";
        for (CertInfo cert : c.goCertificates()) {
            if (looksLikeClientCertificate(cert, keyName)) {
                out.add(Finding.of(FindingCode.CLIENT_CERT_SAVED_AS_CRT, ERROR, e.name(), FileRole.base(e.name())));
            } else if (!cert.isCa()) {
                boolean serverLike = !cert.subjectAltNames().isEmpty() || cert.hasEku();
                out.add(cert.selfIssued() && !serverLike
                        ? Finding.of(FindingCode.ROOT_WITHOUT_CA_FLAG, INFO, e.name(), cert.subject())
                        : Finding.of(FindingCode.CRT_NOT_CA, INFO, e.name(), cert.subject()));
            }
            validity(e, cert, out);
        }
    }

    private boolean looksLikeClientCertificate(CertInfo cert, String keyName) {
        if (cert.isCa()) {
            return false;
        }
        FileEntry key = byName.get(keyName);
        if (key != null && key.content() != null) {
            for (KeyInfo k : key.content().keys()) {
                if (cert.publicKeyId().equals(k.publicKeyId())) {
                    return true;
                }
            }
        }
        return cert.hasEku() && cert.extendedKeyUsages().contains("clientAuth")
                && !cert.extendedKeyUsages().contains("serverAuth");
    }

    private void clientCert(FileEntry e, List<Finding> out) {
        Content c = e.content();
        String keyName = FileRole.base(e.name()) + ".key";
        boolean hasKeyFile = byName.containsKey(keyName);
        CertInfo leaf = c.goCertificates().isEmpty() ? null : c.goCertificates().get(0);
        if (!hasKeyFile && !(client == Client.CONTAINERD && c.hasKeys())) {
            boolean caLike = leaf != null && (leaf.isCa() || (leaf.selfSigned() && leaf.keyUsages().contains("keyCertSign")));
            out.add(caLike ? Finding.of(FindingCode.CA_SAVED_AS_CERT, ERROR, e.name(), FileRole.base(e.name()) + ".crt")
                    : Finding.of(FindingCode.ORPHAN_CERT, ERROR, e.name(), keyName));
        }
        GoKeyPair.Result pair = load.keyPairs().get(e.name());
        if (leaf == null) {
            if (c.hasKeys()) {
                out.add(Finding.of(FindingCode.PEM_INPUTS_SWITCHED, ERROR, e.name()));
            }
            contentIssues(e, c, out, ERROR, ContentIssue.ENCRYPTED_KEY);
            return;
        }
        contentIssues(e, c, out, WARNING, ContentIssue.ENCRYPTED_KEY, ContentIssue.DSA_KEY,
                ContentIssue.MALFORMED_KEY, ContentIssue.OPENSSH_KEY, ContentIssue.UNSUPPORTED_KEY_ALGORITHM);
        if (c.hasKeys() && hasKeyFile) {
            out.add(Finding.of(FindingCode.COMBINED_CERT_AND_KEY, INFO, e.name()));
        }
        if (pair != null && pair.error() != null && pair.error().contains("does not match public key")) {
            boolean laterMatches = c.goCertificates().stream().skip(1)
                    .anyMatch(other -> pair.key() != null && other.publicKeyId().equals(pair.key().publicKeyId()));
            out.add(laterMatches ? Finding.of(FindingCode.KEY_MATCHES_LATER_CERTIFICATE, ERROR, e.name(), keyName)
                    : Finding.of(FindingCode.KEY_MISMATCH, ERROR, e.name(), keyName, pair.error()));
        }
        if (leaf.allowsServerAuthOnly()) {
            out.add(Finding.of(FindingCode.SERVER_CERT_AS_CLIENT, ERROR, e.name(), leaf.subject()));
        } else if (!leaf.allowsClientAuth()) {
            out.add(Finding.of(FindingCode.CLIENT_CERT_NO_CLIENT_AUTH, ERROR, e.name(),
                    String.join(", ", leaf.extendedKeyUsages())));
        }
        validity(e, leaf, out);
        if (leaf.keyAlgorithm().equals("RSA") && leaf.keyBits() < 2048) {
            out.add(Finding.of(FindingCode.WEAK_KEY, WARNING, e.name(), "RSA " + leaf.keyBits()));
        }
        if (leaf.weakSignature()) {
            out.add(Finding.of(FindingCode.SHA1_SIGNATURE, WARNING, e.name(), leaf.signatureAlgorithm()));
        }
    }

    private void clientKey(FileEntry e, List<Finding> out) {
        Content c = e.content();
        orphanKey(e, out);
        boolean goLoads = c.format() == Content.Format.PEM && c.keys().stream().anyMatch(k -> k.encoding().goLoads());
        if (c.keys().isEmpty() && c.hasCertificates()) {
            out.add(Finding.of(FindingCode.PEM_INPUTS_SWITCHED, ERROR, e.name()));
        }
        contentIssues(e, c, out, goLoads ? WARNING : ERROR);
        String certName = certOfKey(e.name());
        GoKeyPair.Result pair = load.keyPairs().get(certName);
        if (pair != null && pair.error() != null && pair.error().contains("does not match public key")) {
            out.add(Finding.of(FindingCode.KEY_MISMATCH, ERROR, e.name(), certName, pair.error()));
        }
        Set<PosixFilePermission> p = e.perms();
        if (p != null && (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ))) {
            out.add(Finding.of(FindingCode.KEY_READABLE_BY_OTHERS, WARNING, e.name(),
                    java.nio.file.attribute.PosixFilePermissions.toString(p)));
        }
    }

    /** The certificate file the key is read with: the one hosts.toml pairs it with, else {@code <base>.cert}. */
    private String certOfKey(String key) {
        for (Map.Entry<String, String> k : load.keyFiles().entrySet()) {
            if (k.getValue().equals(key)) {
                return k.getKey();
            }
        }
        return FileRole.base(key) + ".cert";
    }

    private void orphanKey(FileEntry e, List<Finding> out) {
        String certName = certOfKey(e.name());
        if (!byName.containsKey(certName) && !load.keyFiles().containsKey(certName)) {
            out.add(Finding.of(FindingCode.ORPHAN_KEY, client == Client.CONTAINERD ? INFO : ERROR, e.name(), certName));
        }
    }

    private void ignored(FileEntry e, List<Finding> out) {
        Content c = e.content();
        if (e.name().equals("hosts.toml")) {
            out.add(Finding.of(FindingCode.HOSTS_TOML_PRESENT, INFO, e.name()));
            return;
        }
        if (c.hasCertificates() || c.hasKeys()) {
            out.add(Finding.of(FindingCode.IGNORED_CERTIFICATE_FILE, WARNING, e.name(), suggestedName(e.name(), c)));
        } else {
            out.add(Finding.of(FindingCode.IGNORED_FILE, INFO, e.name()));
        }
    }

    /**
     * The name that makes the client read the file as what it holds: a key as {@code .key}, a CA as {@code .crt},
     * a client certificate as {@code .cert} next to the key that matches it (so {@code client.pem} holding the
     * certificate of {@code client.key} becomes {@code client.cert}, never {@code client.crt}, which would make it a
     * useless CA and leave the key an orphan).
     */
    String suggestedName(String name, Content c) {
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (c.hasKeys() && !c.hasCertificates()) {
            return base + ".key";
        }
        boolean ca = c.certificates().stream().anyMatch(CertInfo::isCa);
        if (ca) {
            return base + ".crt";
        }
        if (c.hasKeys()) {
            return base + ".cert";
        }
        CertInfo leaf = c.certificates().get(0);
        String keyBase = matchingKeyBase(leaf);
        if (keyBase != null) {
            return keyBase + ".cert";
        }
        boolean client = leaf.hasEku() && leaf.extendedKeyUsages().contains("clientAuth")
                && !leaf.extendedKeyUsages().contains("serverAuth");
        return base + (client ? ".cert" : ".crt");
    }

    /** The base name of the {@code .key} file in the directory whose key belongs to this certificate, or null. */
    private String matchingKeyBase(CertInfo cert) {
        for (FileEntry other : byName.values()) {
            if (!other.name().endsWith(".key") || other.content() == null) {
                continue;
            }
            for (KeyInfo k : other.content().keys()) {
                if (cert.publicKeyId() != null && cert.publicKeyId().equals(k.publicKeyId())) {
                    return FileRole.base(other.name());
                }
            }
        }
        return null;
    }

    private void validity(FileEntry e, CertInfo cert, List<Finding> out) {
        if (cert.expiredAt(now)) {
            out.add(Finding.of(FindingCode.EXPIRED, ERROR, e.name(), cert.subject(), times.of(cert.notAfter())));
        } else if (cert.notYetValidAt(now)) {
            out.add(Finding.of(FindingCode.NOT_YET_VALID, ERROR, e.name(), cert.subject(), times.of(cert.notBefore())));
        } else {
            long daysLeft = Duration.between(now, cert.notAfter()).toDays();
            if (daysLeft < options.expiringSoonDays()) {
                out.add(Finding.of(FindingCode.EXPIRING_SOON, WARNING, e.name(), cert.subject(),
                        times.of(cert.notAfter()), Long.toString(daysLeft)));
            }
        }
    }

    private void contentIssues(FileEntry e, Content c, List<Finding> out, Severity severity, ContentIssue... skip) {
        Set<ContentIssue> skipped = skip.length == 0 ? EnumSet.noneOf(ContentIssue.class) : EnumSet.of(skip[0], skip);
        for (ContentIssue issue : c.issues()) {
            if (skipped.contains(issue)) {
                continue;
            }
            Severity s = INFORMATIVE.contains(issue) && severity == ERROR && !c.goCertificates().isEmpty()
                    ? WARNING : severity;
            if (issue == ContentIssue.ENCRYPTED_KEY) {
                s = ERROR;
            }
            out.add(Finding.of(FindingCode.of(issue), s, e.name()));
        }
    }
}
