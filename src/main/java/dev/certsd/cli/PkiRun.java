package dev.certsd.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.change.ChangeReport;
import dev.certsd.change.ChangeRunner;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.Preview;
import dev.certsd.files.Problem;
import dev.certsd.files.Message;
import dev.certsd.material.Fingerprints;
import dev.certsd.plan.Planned;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javax.security.auth.x500.X500Principal;

/**
 * Carries out a planned PKI operation for the commands (new-host, gen-client, import-signed, import-ca,
 * test-pki): applies it through the {@link ChangeRunner} (or only previews it with --dry-run), then prints what was done,
 * the notes, the equivalent openssl commands and the host directory's verdict; or one JSON document.
 */
final class PkiRun {
    private final PrintWriter out;
    private final boolean json;
    private final Locale locale = Locale.getDefault();
    private final ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
    private final Map<String, Object> doc = new LinkedHashMap<>();

    PkiRun(PrintWriter out, boolean json, String command) {
        this.out = out;
        this.json = json;
        doc.put("command", command);
    }

    /** Adds a field to the JSON document (the command's own facts). */
    PkiRun put(String key, Object value) {
        doc.put(key, value);
        return this;
    }

    /** Prints a line of the human output (nothing in JSON mode). */
    void line(String key, Object... args) {
        if (!json) {
            Object[] shown = Arrays.stream(args).map(a -> a instanceof String s ? TerminalText.text(s) : a).toArray();
            out.println(UndoRedo.fmt(text, locale, key, shown));
        }
    }

    void line(Message t) {
        if (!json) {
            out.println(TerminalText.text(t.render(locale)));
        }
    }

    /** The operation was refused before anything was planned (wrong passphrase, name taken...): exit 1. */
    int refused(Message why) {
        doc.put("outcome", "refused");
        doc.put("error", why.render(Locale.ENGLISH));
        if (json) {
            print();
        } else {
            out.println(UndoRedo.fmt(text, locale, "pki.refused", TerminalText.text(why.render(locale))));
        }
        return 1;
    }

    /**
     * Applies (or with {@code dryRun} previews) the plan; {@code verdict} scans the host directory afterwards, or is
     * null when the operation writes none. Returns the exit code: 0 done, 1 not done.
     */
    int run(Planned plan, ChangeRunner runner, boolean dryRun, HostCheck verdict) throws IOException {
        describe(plan, dryRun);
        if (!json) {
            out.println(TerminalText.text(plan.changes().description().render(locale)));
            StepLines.print(out, plan.changes().ops(), locale, "  ");
            for (Message n : plan.notes()) {
                out.println("  * " + TerminalText.text(n.render(locale)));
            }
        }
        int code;
        List<Problem> problems = new ArrayList<>();
        if (dryRun) {
            Preview p = runner.preview(plan.changes());
            problems.addAll(p.problems());
            if (!json) {
                p.links().forEach(l -> out.println("  * " + l.render(locale)));
            }
            doc.put("outcome", p.ready() ? "planned" : "refused");
            line(p.ready() ? "pki.planned" : "pki.wouldRefuse");
            code = p.ready() ? 0 : 1;
        } else {
            code = outcome(runner.apply(plan.changes()), problems);
        }
        doc.put("problems", problems.stream().map(p -> p.message(Locale.ENGLISH)).toList());
        doc.put("problemCodes", problems.stream().map(p -> p.code().name()).toList());
        for (Problem p : problems) {
            line("pki.problem", p.message(locale));
        }
        if (!json) {
            out.println();
            out.print(plan.openssl().render(locale));
        }
        if (code == 0 && !dryRun && verdict != null) {
            HostReport host = verdict.scan();
            String error = host.configError();
            doc.put("verdict", error == null ? (host.certsdUsed() ? "ok" : "ignored") : "error");
            doc.put("configError", error);
            doc.put("level", host.verdict().level().id());
            if (!json) {
                out.println();
                out.println(CheckText.verdictLine(host.verdict(), text, locale));
            }
        }
        if (json) {
            print();
        }
        return code;
    }

    /** The plan's facts in the JSON document: description, steps, notes, openssl, placement, certificates. */
    private void describe(Planned plan, boolean dryRun) {
        doc.put("description", plan.changes().description().render(Locale.ENGLISH));
        doc.put("dryRun", dryRun);
        doc.put("steps", StepLines.json(plan.changes().ops()));
        doc.put("notes", plan.notes().stream().map(t -> t.render(Locale.ENGLISH)).toList());
        doc.put("openssl", plan.openssl().commands());
        if (plan.placement() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("cert", plan.placement().certFile());
            p.put("key", plan.placement().keyFile());
            p.put("position", plan.placement().position());
            p.put("pairsInLoadOrder", plan.placement().pairsInLoadOrder());
            doc.put("placement", p);
        }
        doc.put("certificates", plan.certificates().stream().map(PkiRun::cert).toList());
    }

    /** Scans the host directory the operation wrote, as {@code check} would. */
    @FunctionalInterface
    interface HostCheck {
        HostReport scan() throws IOException;
    }

    private int outcome(ChangeReport r, List<Problem> problems) {
        doc.put("outcome", r.kind().id());
        problems.addAll(r.allProblems());
        switch (r.kind()) {
            case DONE -> line("pki.done", r.entry().id());
            case NEEDS_PRIVILEGE -> {
                doc.put("script", r.prepared().script().toString());
                doc.put("helper", r.prepared().pkexecCommand());
                line("pki.privileged", r.entry().id());
                if (!json) {
                    StepLines.printPrivileged(out, r.prepared(), text, "  ");
                }
            }
            case REFUSED, FAILED -> line("pki.notChanged");
        }
        doc.put("journalEntry", r.entryId());
        return r.exitCode();
    }

    static Map<String, Object> cert(X509Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", c.getSubjectX500Principal().getName(X500Principal.RFC2253));
        m.put("issuer", c.getIssuerX500Principal().getName(X500Principal.RFC2253));
        m.put("notBefore", c.getNotBefore().toInstant().toString());
        m.put("notAfter", c.getNotAfter().toInstant().toString());
        try {
            m.put("sha256", Fingerprints.sha256(c.getEncoded()));
        } catch (CertificateEncodingException e) {
            m.put("sha256", null);
        }
        return m;
    }

    void print() {
        try {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
