package dev.certsd.export;

import dev.certsd.files.FileModes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** One file to install on the machines: its name in the host directory, its bytes and whether it is a key. */
public record ExportFile(String name, byte[] content, boolean secret) {
    /** 0600 for a key, 0644 for the rest: what the installers set on the machines. */
    public Set<PosixFilePermission> mode() {
        return secret ? FileModes.KEY : FileModes.CERTIFICATE;
    }

    public String octalMode() {
        return FileModes.octal(mode());
    }
}
