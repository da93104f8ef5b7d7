package dev.certsd.diagnose;

import dev.certsd.material.ContentIssue;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stable codes of everything the engine reports; scripts depend on them, so never rename one. The content codes are
 * declared with the {@link ContentIssue} each reports, so the two enums cannot drift apart.
 */
public enum FindingCode {
    // names and roles
    CA_SAVED_AS_CERT,
    CLIENT_CERT_SAVED_AS_CRT,
    ORPHAN_KEY,
    ORPHAN_CERT,
    KEY_MISMATCH,
    KEY_MATCHES_LATER_CERTIFICATE,
    PEM_INPUTS_SWITCHED,
    CRT_NOT_PEM,
    CRT_NOT_CA,
    ROOT_WITHOUT_CA_FLAG,
    CRT_HOLDS_PRIVATE_KEY,
    COMBINED_CERT_AND_KEY,
    IGNORED_FILE,
    IGNORED_CERTIFICATE_FILE,
    HOSTS_TOML_PRESENT,
    HOSTS_TOML_INVALID,
    HOSTS_TOML_SKIP_VERIFY,
    HOSTS_TOML_NO_RESOLVE_HOST,
    HOSTS_TOML_PLAIN_HTTP,
    // validity and strength
    EXPIRED,
    NOT_YET_VALID,
    EXPIRING_SOON,
    CLIENT_CERT_NO_CLIENT_AUTH,
    SERVER_CERT_AS_CLIENT,
    WEAK_KEY,
    SHA1_SIGNATURE,
    KEY_READABLE_BY_OTHERS,
    DUPLICATE_CERTIFICATE,
    EXPIRED_PAIR_SENT_FIRST,
    // host directories
    DEFAULT_PORT_IN_DIR_NAME,
    INVALID_HOST_DIR_NAME,
    INSECURE_REGISTRY_CERTSD_IGNORED,
    DOCKER_HUB_CERTSD_IGNORED,
    EMPTY_HOST_DIR,
    UNREADABLE_DIRECTORY,
    STRAY_FILE_IN_ROOT,
    HOST_DIR_NOT_A_DIRECTORY,
    HOST_DIR_DANGLING_LINK,
    HOST_DIR_SYMLINK,
    HOST_DIR_LINK_LOOP,
    HOST_DIR_SHADOWED,
    // the file system
    UNREADABLE_FILE,
    BROKEN_SYMLINK,
    SYMLINK_LOOP,
    SPECIAL_FILE,
    DIRECTORY_WITH_ROLE_NAME,
    HUGE_FILE,
    // content (one per kind of bad input): each the finding of one ContentIssue, which material reports
    EMPTY_FILE(ContentIssue.EMPTY_FILE),
    UTF16_ENCODED(ContentIssue.UTF16_ENCODED),
    UTF8_BOM(ContentIssue.UTF8_BOM),
    HTML_PAGE(ContentIssue.HTML_PAGE),
    TEXT_NOT_PEM(ContentIssue.TEXT_NOT_PEM),
    BINARY_JUNK(ContentIssue.BINARY_JUNK),
    PEM_TRUNCATED(ContentIssue.PEM_TRUNCATED),
    PEM_BAD_BASE64(ContentIssue.PEM_BAD_BASE64),
    PEM_END_MISMATCH(ContentIssue.PEM_END_MISMATCH),
    PEM_UNKNOWN_BLOCK(ContentIssue.PEM_UNKNOWN_BLOCK),
    PEM_HEADERS_ON_CERTIFICATE(ContentIssue.PEM_HEADERS_ON_CERTIFICATE),
    MALFORMED_CERTIFICATE(ContentIssue.MALFORMED_CERTIFICATE),
    MALFORMED_KEY(ContentIssue.MALFORMED_KEY),
    ENCRYPTED_KEY(ContentIssue.ENCRYPTED_KEY),
    TRUSTED_CERTIFICATE_BLOCK(ContentIssue.TRUSTED_CERTIFICATE_BLOCK),
    PKCS7_PEM(ContentIssue.PKCS7_PEM),
    CERTIFICATE_REQUEST(ContentIssue.CERTIFICATE_REQUEST),
    CRL(ContentIssue.CRL),
    PUBLIC_KEY_ONLY(ContentIssue.PUBLIC_KEY_ONLY),
    OPENSSH_KEY(ContentIssue.OPENSSH_KEY),
    PUTTY_KEY(ContentIssue.PUTTY_KEY),
    DSA_KEY(ContentIssue.DSA_KEY),
    UNSUPPORTED_KEY_ALGORITHM(ContentIssue.UNSUPPORTED_KEY_ALGORITHM),
    DER_CERTIFICATE(ContentIssue.DER_CERTIFICATE),
    DER_KEY(ContentIssue.DER_KEY),
    PKCS7_DER(ContentIssue.PKCS7_DER),
    PKCS12_FILE(ContentIssue.PKCS12_FILE),
    PKCS12_PASSWORD_PROTECTED(ContentIssue.PKCS12_PASSWORD_PROTECTED),
    JAVA_KEYSTORE(ContentIssue.JAVA_KEYSTORE),
    BASE64_WITHOUT_HEADERS(ContentIssue.BASE64_WITHOUT_HEADERS),
    UNKNOWN_DER(ContentIssue.UNKNOWN_DER);

    private static final Map<ContentIssue, FindingCode> BY_CONTENT_ISSUE = byContentIssue();

    /** The content issue this code reports, or null for a code of names, validity, directories or the file system. */
    private final ContentIssue contentIssue;

    FindingCode() {
        this(null);
    }

    FindingCode(ContentIssue contentIssue) {
        this.contentIssue = contentIssue;
    }

    /** The code that reports {@code issue}: every content issue has exactly one (ContentIssueCodesTest). */
    public static FindingCode of(ContentIssue issue) {
        FindingCode code = BY_CONTENT_ISSUE.get(issue);
        if (code == null) {
            throw new IllegalStateException("no finding code reports the content issue " + issue);
        }
        return code;
    }

    /** The content issue this code reports; empty for codes that are not about a file's bytes. */
    public Optional<ContentIssue> contentIssue() {
        return Optional.ofNullable(contentIssue);
    }

    private static Map<ContentIssue, FindingCode> byContentIssue() {
        Map<ContentIssue, FindingCode> map = new EnumMap<>(ContentIssue.class);
        for (FindingCode c : values()) {
            if (c.contentIssue != null && map.put(c.contentIssue, c) != null) {
                throw new IllegalStateException("two finding codes report " + c.contentIssue);
            }
        }
        return map;
    }
}
