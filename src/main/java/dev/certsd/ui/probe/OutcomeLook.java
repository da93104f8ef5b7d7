package dev.certsd.ui.probe;

import dev.certsd.probe.Outcome;

/** How an attempt's outcome looks: an icon and a tone, next to its word, so it reads without colour. */
enum OutcomeLook {
    ACCEPTED(Outcome.ACCEPTED, "mdi2c-check-circle", "success"),
    REJECTED_AT_TLS(Outcome.REJECTED_AT_TLS, "mdi2c-close-circle", "danger"),
    REJECTED_AT_HTTP(Outcome.REJECTED_AT_HTTP, "mdi2c-close-circle-outline", "danger"),
    SERVER_NOT_TRUSTED(Outcome.SERVER_NOT_TRUSTED, "mdi2s-shield-alert", "danger"),
    NAME_MISMATCH(Outcome.NAME_MISMATCH, "mdi2s-shield-alert-outline", "danger"),
    TIMEOUT(Outcome.TIMEOUT, "mdi2t-timer-sand", "warning"),
    REFUSED(Outcome.REFUSED, "mdi2l-lan-disconnect", "danger"),
    NOT_A_REGISTRY(Outcome.NOT_A_REGISTRY, "mdi2h-help-circle", "warning"),
    CONFIG_ERROR(Outcome.CONFIG_ERROR, "mdi2a-alert-octagon", "danger"),
    CANCELLED(Outcome.CANCELLED, "mdi2c-cancel", "muted");

    private final Outcome outcome;
    private final String icon;
    private final String tone;

    OutcomeLook(Outcome outcome, String icon, String tone) {
        this.outcome = outcome;
        this.icon = icon;
        this.tone = tone;
    }

    static OutcomeLook of(Outcome o) {
        for (OutcomeLook l : values()) {
            if (l.outcome == o) {
                return l;
            }
        }
        throw new IllegalArgumentException("no look for outcome " + o);
    }

    String icon() {
        return icon;
    }

    /** The badge class: badge-success, badge-danger, badge-warning, badge-muted. */
    String badgeClass() {
        return "badge-" + tone;
    }
}
