package dev.certsd.ui.probe;

import dev.certsd.probe.Outcome;

/**
 * How an attempt's outcome looks: an icon and a tone, next to its word, so it reads without colour. The switch is
 * exhaustive, so a new {@link Outcome} does not compile until it has a look.
 */
record OutcomeLook(String icon, String tone) {
    static OutcomeLook of(Outcome o) {
        return switch (o) {
            case ACCEPTED -> new OutcomeLook("mdi2c-check-circle", "success");
            case REJECTED_AT_TLS -> new OutcomeLook("mdi2c-close-circle", "danger");
            case REJECTED_AT_HTTP -> new OutcomeLook("mdi2c-close-circle-outline", "danger");
            case SERVER_NOT_TRUSTED -> new OutcomeLook("mdi2s-shield-alert", "danger");
            case NAME_MISMATCH -> new OutcomeLook("mdi2s-shield-alert-outline", "danger");
            case TIMEOUT -> new OutcomeLook("mdi2t-timer-sand", "warning");
            case REFUSED -> new OutcomeLook("mdi2l-lan-disconnect", "danger");
            case NOT_A_REGISTRY -> new OutcomeLook("mdi2h-help-circle", "warning");
            case CONFIG_ERROR -> new OutcomeLook("mdi2a-alert-octagon", "danger");
            case CANCELLED -> new OutcomeLook("mdi2c-cancel", "muted");
        };
    }

    /** The badge class: badge-success, badge-danger, badge-warning, badge-muted. */
    String badgeClass() {
        return "badge-" + tone;
    }
}
