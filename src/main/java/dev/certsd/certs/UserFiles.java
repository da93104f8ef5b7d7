package dev.certsd.certs;

import dev.certsd.material.InputFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Files the user points at (a CA and its key, a certificate file, a waiting key): read whole, within the input limit. */
public final class UserFiles {
    private UserFiles() {
    }

    /** The file's bytes; a {@link PkiException} naming the file when it is too large or cannot be read. */
    public static byte[] read(Path file) throws PkiException {
        try {
            return InputFiles.read(file);
        } catch (InputFiles.TooLarge e) {
            throw PkiException.tooLarge(file.toString(), e);
        } catch (IOException e) {
            throw PkiException.unreadable(file, e);
        }
    }
}
