package dev.certsd.certs;

import dev.certsd.files.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The subject of a new certificate: common name, and optionally organization and unit. A registry that checks
 * client certificates only checks the issuer, so the CN is for people: it names the machine or person.
 *
 * @param organization     may be empty
 * @param organizationUnit may be empty
 */
public record Subject(String commonName, String organization, String organizationUnit) {
    /** X.520's upper bound for each of these attributes. */
    static final int MAX_LENGTH = 64;

    public Subject {
        commonName = commonName == null ? "" : commonName.strip();
        organization = organization == null ? "" : organization.strip();
        organizationUnit = organizationUnit == null ? "" : organizationUnit.strip();
    }

    public static Subject cn(String commonName) {
        return new Subject(commonName, "", "");
    }

    /** Why this subject cannot be used, for the field as the user types; empty when it can. */
    public Optional<Message> problem() {
        if (commonName.isEmpty()) {
            return Optional.of(PkiText.of("subject.cnEmpty"));
        }
        for (String v : List.of(commonName, organization, organizationUnit)) {
            if (v.length() > MAX_LENGTH) {
                return Optional.of(PkiText.of("subject.tooLong", v, MAX_LENGTH));
            }
            if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return Optional.of(PkiText.of("subject.control", v));
            }
        }
        return Optional.empty();
    }

    public void check() throws PkiException {
        Optional<Message> p = problem();
        if (p.isPresent()) {
            throw new PkiException(p.get());
        }
    }

    public X500Name x500() {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        if (!organization.isEmpty()) {
            b.addRDN(BCStyle.O, organization);
        }
        if (!organizationUnit.isEmpty()) {
            b.addRDN(BCStyle.OU, organizationUnit);
        }
        b.addRDN(BCStyle.CN, commonName);
        return b.build();
    }

    /** The {@code -subj} argument of openssl: {@code /O=.../OU=.../CN=...}, slashes escaped. */
    public String openssl() {
        List<String> parts = new ArrayList<>();
        if (!organization.isEmpty()) {
            parts.add("/O=" + escape(organization));
        }
        if (!organizationUnit.isEmpty()) {
            parts.add("/OU=" + escape(organizationUnit));
        }
        parts.add("/CN=" + escape(commonName));
        return String.join("", parts);
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("/", "\\/").replace("+", "\\+");
    }
}
