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
        return read(in, name, MAX_BYTES);
    }

    /** All of {@code in}, when it holds at most {@code max} bytes; never more than {@code max + 1} bytes are read. */
    public static byte[] read(InputStream in, String name, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new TooLarge(name);
        }
        return bytes;
    }

    /**
     * A file inside a certs directory, read as the clients read it (links followed) but only when it is a regular
     * file (a FIFO or a device named {@code client.cert} would block or never end) and at most {@link #MAX_BYTES}.
     */
    public static byte[] readRegular(Path file) throws IOException {
        return readRegular(file, MAX_BYTES);
    }

    /** As {@link #readRegular(Path)}, with another limit. */
    public static byte[] readRegular(Path file, int max) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file: not read");
        }
        if (Files.size(file) > max) {
            throw new TooLarge(file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), max);
        }
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
