package dev.certsd.fix;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileModes;
import dev.certsd.files.FileOp;
import dev.certsd.roots.FileRole;
import dev.certsd.material.CertInfo;
import dev.certsd.material.KeyInfo;
import java.io.ByteArrayInputStream;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts DER and PKCS#7 certificates, and DER keys, to the PEM that Go reads; the file keeps its name. */
final class PemConversion {
    private static final Pattern PKCS7_BLOCK = Pattern.compile("-----BEGIN PKCS7-----(.*?)-----END PKCS7-----",
            Pattern.DOTALL);

    private PemConversion() {
    }

    /** CRT_NOT_PEM, DER_CERTIFICATE, PKCS7_DER, PKCS7_PEM in a CA or client certificate file. */
    static List<Fix> certificates(Finding f, HostFiles h) {
        Optional<FileReport> report = h.file(f.file());
        Optional<FileEntry> e = h.readable(f.file());
        if (e.isEmpty() || report.isEmpty()
                || (report.get().role() != FileRole.CA && report.get().role() != FileRole.CLIENT_CERT)) {
            return List.of(); // as PEM in a .key the certificate would still be in the wrong file
        }
        byte[] pem;
        int count;
        try {
            if (f.code() == FindingCode.PKCS7_PEM) {
                Converted c = expandPkcs7Blocks(e.get().bytes());
                pem = c.bytes();
                count = c.certificates();
            } else {
                List<CertInfo> certs = leafFirst(e.get().content().certificates(), report.get(), h);
                if (certs.isEmpty()) {
                    return List.of();
                }
                StringBuilder s = new StringBuilder();
                for (CertInfo c : certs) {
                    s.append(PemText.block("CERTIFICATE", c.certificate().getEncoded()));
                }
                pem = PemText.latin1(s.toString());
                count = certs.size();
            }
        } catch (CertificateException e2) {
            return List.of();
        }
        Set<PosixFilePermission> mode = e.get().perms() != null ? e.get().perms() : FileModes.CERTIFICATE;
        return List.of(Fix.ready(FixKind.CONVERT_TO_PEM, f, h.dir(), ChangeSet.of(
                FixText.of("fix.convertCertificates", f.file(), count),
                FileOp.WriteFile.overwrite(h.dir().resolve(f.file()), HostFiles.shown(e.get()), pem, mode))));
    }

    /** DER_KEY in a .key file: the same DER, wrapped in the PEM type its encoding calls for. */
    static List<Fix> key(Finding f, HostFiles h) {
        Optional<FileReport> report = h.file(f.file());
        Optional<FileEntry> e = h.readable(f.file());
        if (e.isEmpty() || report.isEmpty() || report.get().role() != FileRole.CLIENT_KEY
                || e.get().content().keys().size() != 1) {
            return List.of();
        }
        String type = switch (e.get().content().keys().get(0).encoding()) {
            case PKCS1 -> "RSA PRIVATE KEY";
            case PKCS8 -> "PRIVATE KEY";
            case SEC1 -> "EC PRIVATE KEY";
            default -> null;
        };
        if (type == null) {
            return List.of(); // Go could not load it as PEM either: conversion would not help
        }
        byte[] pem = PemText.latin1(PemText.block(type, e.get().bytes()));
        return List.of(Fix.ready(FixKind.CONVERT_TO_PEM, f, h.dir(), ChangeSet.of(
                FixText.of("fix.convertKey", f.file()),
                FileOp.WriteFile.overwrite(h.dir().resolve(f.file()), HostFiles.shown(e.get()), pem, FileModes.KEY))));
    }

    /** A client certificate file must start with the certificate of its key; a PKCS#7 bundle has no order. */
    private static List<CertInfo> leafFirst(List<CertInfo> certs, FileReport file, HostFiles h) {
        if (file.role() != FileRole.CLIENT_CERT) {
            return certs;
        }
        Optional<String> keyId = h.readable(FileRole.base(file.name()) + ".key")
                .flatMap(k -> k.content().keys().stream().map(KeyInfo::publicKeyId).filter(id -> id != null).findFirst());
        List<CertInfo> out = new ArrayList<>(certs);
        out.sort(Comparator.comparingInt(c -> keyId.isPresent() && keyId.get().equals(c.publicKeyId()) ? 0
                : c.isCa() ? 2 : 1));
        return out;
    }

    private record Converted(byte[] bytes, int certificates) {
    }

    private static Converted expandPkcs7Blocks(byte[] file) throws CertificateException {
        Matcher m = PKCS7_BLOCK.matcher(PemText.latin1(file));
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1).strip());
            StringBuilder certs = new StringBuilder();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der))) {
                certs.append(PemText.block("CERTIFICATE", encoded(c)));
                count++;
            }
            // the block's own line end stays; the certificates end in one of their own
            m.appendReplacement(out, Matcher.quoteReplacement(certs.toString().stripTrailing()));
        }
        m.appendTail(out);
        if (count == 0) {
            throw new CertificateException("no certificate in the PKCS#7 blocks");
        }
        return new Converted(PemText.latin1(out.toString()), count);
    }

    private static byte[] encoded(Certificate c) throws CertificateEncodingException {
        return c.getEncoded();
    }
}
