package dev.certsd.diagnose;

import java.util.Locale;

/** How much a finding matters: an error breaks pulls, a warning will break them or weakens security. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
