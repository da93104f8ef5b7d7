package dev.certsd.files;

/** Base names of the resource bundles of the files package. */
final class Bundles {
    static final String FILES = "dev.certsd.files.files";

    private Bundles() {
    }
}
