package dev.certsd.cli;

import dev.certsd.material.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A passphrase or password given as a file ({@code --passphrase-file} and the like): its first line. */
final class PassphraseFile {
    private PassphraseFile() {
    }

    /** The first line (UTF-8; a file that is not UTF-8 is an error, as before), read within the input limit. */
    static char[] firstLine(Path file) throws IOException {
        CharBuffer text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(InputFiles.read(file)));
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        char[] line = new char[end];
        text.get(line, 0, end);
        java.util.Arrays.fill(text.array(), '\0');
        return line;
    }
}
