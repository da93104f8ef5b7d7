package dev.certsd.plan;

import dev.certsd.certs.PkiText;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileOp;
import dev.certsd.files.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Several operations applied as one change (the guided setup: the registry's CA, then a client pair, in one host
 * directory): one entry in the journal, so one undo takes it all back. A directory both would make is made once.
 */
public final class Plans {
    private Plans() {
    }

    /** The operations in order, under {@code description}; the last placement of a client pair wins. */
    public static Planned combine(Message description, List<Planned> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine");
        }
        List<FileOp> ops = new ArrayList<>();
        Set<Path> made = new HashSet<>();
        List<Message> notes = new ArrayList<>();
        List<OpensslScript.Line> script = new ArrayList<>();
        List<java.security.cert.X509Certificate> certificates = new ArrayList<>();
        Placement placement = null;
        for (Planned p : parts) {
            for (FileOp op : p.changes().ops()) {
                if (op instanceof FileOp.MakeDirectory d && !made.add(d.path())) {
                    continue;
                }
                ops.add(op);
            }
            notes.addAll(p.notes());
            for (OpensslScript.Line l : p.openssl().lines()) {
                boolean again = l instanceof OpensslScript.Command c && c.text().startsWith("mkdir ")
                        && script.contains(l);
                if (!again) {
                    script.add(l);
                }
            }
            certificates.addAll(p.certificates());
            placement = p.placement() != null ? p.placement() : placement;
        }
        return new Planned(new ChangeSet(description, ops), placement, notes, new OpensslScript(script),
                certificates);
    }

    /** "Set up REGISTRY: its CA root and a client certificate", for the journal and the history. */
    public static Message setupDescription(String registry) {
        return PkiText.of("plan.setup", registry);
    }
}
