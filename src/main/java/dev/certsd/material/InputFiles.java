package dev.certsd.material;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file the user hands over (a CA to import, a CA key, a signed certificate, a passphrase file, standard
 * input) with the same limit the scan has: certificates, keys and passphrases are a few kilobytes, and a larger
 * file (or a device that never ends) is refused before it can fill the memory.
 */
public final class InputFiles {
    /** The most any such file may hold, as the scan reads host directories: 4 MiB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private InputFiles() {
    }

    /** The whole file, when it holds at most {@link #MAX_BYTES}. */
    public static byte[] read(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
            throw new TooLarge(file.toString()); // refused without reading a byte (a sparse file too)
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** All of {@code in} (named {@code name} in the error), when it holds at most {@link #MAX_BYTES}. */
    public static byte[] read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge(name);
        }
        return bytes;
    }

    /** A file over the limit; the callers say so in the user's language. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final String name;

        TooLarge(String name) {
            super(name + " is larger than 4 MiB: not read (certificates and keys are a few kilobytes)");
            this.name = name;
        }

        /** The file (or "-" for standard input) as the user named it. */
        public String name() {
            return name;
        }

        /** The limit as people write it. */
        public static String limit() {
            return "4 MiB";
        }
    }
}
