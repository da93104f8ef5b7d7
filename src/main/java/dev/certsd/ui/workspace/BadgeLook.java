package dev.certsd.ui.workspace;

import dev.certsd.diagnose.Badge;
import java.util.Comparator;

/**
 * How a badge looks: an icon, a word from the bundle ({@code badge.ID}) and a tone, so it reads without colour.
 * Role badges come first, problems after them, in the order a user should worry about them.
 */
public enum BadgeLook {
    CA(Badge.CA, "mdi2c-certificate-outline", Tone.ROLE),
    CLIENT_CERT(Badge.CLIENT_CERT, "mdi2c-card-account-details", Tone.ROLE),
    CA_SAVED_AS_CERT(Badge.CA_SAVED_AS_CERT, "mdi2c-certificate-outline", Tone.DANGER),
    CLIENT_CERT_SAVED_AS_CRT(Badge.CLIENT_CERT_SAVED_AS_CRT, "mdi2c-card-account-details", Tone.DANGER),
    KEY(Badge.KEY, "mdi2k-key-variant", Tone.ROLE),
    CONFIG(Badge.CONFIG, "mdi2f-file-cog", Tone.ROLE),
    IGNORED(Badge.IGNORED, "mdi2e-eye-off", Tone.MUTED),
    INVALID(Badge.INVALID, "mdi2f-file-alert", Tone.DANGER),
    UNREADABLE(Badge.UNREADABLE, "mdi2l-link-variant-off", Tone.DANGER),
    ORPHAN(Badge.ORPHAN, "mdi2k-key-remove", Tone.DANGER),
    MISMATCH(Badge.MISMATCH, "mdi2k-key-alert", Tone.DANGER),
    ENCRYPTED(Badge.ENCRYPTED, "mdi2l-lock", Tone.DANGER),
    EXPIRED(Badge.EXPIRED, "mdi2c-calendar-remove", Tone.DANGER),
    NOT_YET_VALID(Badge.NOT_YET_VALID, "mdi2c-calendar-start", Tone.DANGER),
    EXPIRING_SOON(Badge.EXPIRING_SOON, "mdi2c-calendar-clock", Tone.WARNING);

    /** How much a badge should draw the eye. */
    public enum Tone { ROLE, MUTED, WARNING, DANGER }

    /** Display order: the enum's order. */
    public static final Comparator<Badge> ORDER = Comparator.comparingInt(b -> of(b).ordinal());

    private final Badge badge;
    private final String icon;
    private final Tone tone;

    BadgeLook(Badge badge, String icon, Tone tone) {
        this.badge = badge;
        this.icon = icon;
        this.tone = tone;
    }

    public static BadgeLook of(Badge b) {
        for (BadgeLook l : values()) {
            if (l.badge == b) {
                return l;
            }
        }
        throw new IllegalArgumentException("no look for badge " + b);
    }

    public String icon() {
        return icon;
    }

    public Tone tone() {
        return tone;
    }

    /** The bundle key of the badge's word. */
    public String textKey() {
        return "badge." + badge.id();
    }

    /** The CSS class that colours it (in addition to the word and icon). */
    public String styleClass() {
        return "badge-" + tone.name().toLowerCase(java.util.Locale.ROOT);
    }
}
