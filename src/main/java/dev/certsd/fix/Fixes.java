package dev.certsd.fix;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What can be fixed with one click: for a finding of a host report, the fixes that exist (the first is the one to
 * offer by default), each with its description and change set. Nothing is written here.
 */
public final class Fixes {
    /** The codes that have a safe fix (when the file could be read and the new name is free). */
    public static final Set<FindingCode> FIXABLE = Collections.unmodifiableSet(EnumSet.of(
            FindingCode.CA_SAVED_AS_CERT, FindingCode.CLIENT_CERT_SAVED_AS_CRT, FindingCode.CRT_NOT_PEM,
            FindingCode.DER_CERTIFICATE, FindingCode.PKCS7_DER, FindingCode.PKCS7_PEM, FindingCode.DER_KEY,
            FindingCode.ORPHAN_KEY, FindingCode.ORPHAN_CERT, FindingCode.DEFAULT_PORT_IN_DIR_NAME,
            FindingCode.KEY_READABLE_BY_OTHERS, FindingCode.ENCRYPTED_KEY, FindingCode.EXPIRED_PAIR_SENT_FIRST,
            FindingCode.COMBINED_CERT_AND_KEY, FindingCode.CRT_HOLDS_PRIVATE_KEY,
            FindingCode.IGNORED_CERTIFICATE_FILE));

    private Fixes() {
    }

    /** The fixes for one finding of {@code report}; empty when it has none (or none is safe here). */
    public static List<Fix> forFinding(Finding finding, HostReport report) {
        return forFinding(finding, new HostFiles(report));
    }

    /** The same, with the directory's files indexed once for all its findings. */
    static List<Fix> forFinding(Finding finding, HostFiles h) {
        if (finding.file() == null && finding.code() != FindingCode.DEFAULT_PORT_IN_DIR_NAME) {
            return List.of();
        }
        return switch (finding.code()) {
            case CA_SAVED_AS_CERT -> NameFixes.caToCrt(finding, h);
            case CLIENT_CERT_SAVED_AS_CRT -> NameFixes.clientToCert(finding, h);
            case DEFAULT_PORT_IN_DIR_NAME -> NameFixes.hostDir(finding, h);
            case EXPIRED_PAIR_SENT_FIRST -> NameFixes.reorder(finding, h);
            case CRT_NOT_PEM, DER_CERTIFICATE, PKCS7_DER, PKCS7_PEM -> PemConversion.certificates(finding, h);
            case DER_KEY -> PemConversion.key(finding, h);
            case ORPHAN_KEY -> {
                List<Fix> fixes = new ArrayList<>(NameFixes.partnerForOrphanKey(finding, h)); // keeps authentication
                fixes.addAll(OrphanFixes.of(finding, h));
                yield List.copyOf(fixes);
            }
            case ORPHAN_CERT -> OrphanFixes.of(finding, h);
            case IGNORED_CERTIFICATE_FILE -> NameFixes.ignoredToRead(finding, h);
            case KEY_READABLE_BY_OTHERS -> KeyFixes.tighten(finding, h);
            case ENCRYPTED_KEY -> KeyFixes.decrypt(finding, h);
            case COMBINED_CERT_AND_KEY, CRT_HOLDS_PRIVATE_KEY -> KeyFixes.split(finding, h);
            default -> List.of();
        };
    }

    /** Every fix of every finding of the directory, in the order of the findings. */
    public static List<Fix> forHost(HostReport report) {
        List<Fix> out = new ArrayList<>();
        HostFiles h = new HostFiles(report);
        for (Finding f : report.findings()) {
            out.addAll(forFinding(f, h));
        }
        return out;
    }
}
