package dev.certsd.app;

import dev.certsd.cli.CertsdCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The jar's entry point: a command runs the command line; no command prints the usage. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        System.exit(CertsdCommand.run(args, out, err));
    }
}
