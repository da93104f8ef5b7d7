package dev.certsd.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The terminal's output that also knows its bytes: a document that is UTF-8 anyway (check's JSON, when the terminal's
 * charset is UTF-8) is written to the stream as bytes, without a second pass through a char encoder.
 */
public final class TerminalOut extends PrintWriter {
    private final OutputStream bytes;
    private final boolean utf8;

    public TerminalOut(OutputStream bytes, Charset charset) {
        super(new OutputStreamWriter(bytes, charset), false);
        this.bytes = bytes;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    /** The stream under this writer when its charset is UTF-8 (flush this writer first), else null. */
    OutputStream utf8Bytes() {
        return utf8 ? bytes : null;
    }
}
