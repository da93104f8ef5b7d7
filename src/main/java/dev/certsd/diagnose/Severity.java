package dev.certsd.diagnose;

import java.util.Locale;

/** How much a finding matters: an error breaks pulls, a warning will break them or weakens security. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower case, made once: written for every finding of a root of 100,000 files. */
    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }
}
