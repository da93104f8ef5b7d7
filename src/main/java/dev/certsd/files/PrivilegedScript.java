package dev.certsd.files;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The copy-pasteable shell script that performs exactly a prepared change as root: it first checks that every path
 * is still as it was shown (and stops, changing nothing, if not), then one plain command per step, each file
 * installed under a temporary name with its final mode and owner and renamed into place, as the app itself does.
 */
final class PrivilegedScript {
    private PrivilegedScript() {
    }

    static String render(Text description, Plan plan, Map<Path, Owner> owners, Path prepared) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# Certs.d Studio: ").append(oneLine(description.render(Locale.ENGLISH))).append('\n');
        s.append("# Run it as root (sh ").append(quote(prepared.resolve("apply.sh").toString()))
                .append(") or paste it into a shell: each command asks sudo.\n");
        s.append("# It changes nothing if any file is no longer as it was shown.\n");
        s.append("set -eu\n");
        s.append("umask 077\n");
        s.append("if [ \"$(id -u)\" -eq 0 ]; then sudo() { \"$@\"; }; fi\n");
        s.append("changed() { echo \"Certs.d Studio: $1 changed since it was shown; nothing was changed."
                + " Refresh and try again.\" >&2; exit 1; }\n");
        // The checks read as root too: the files may be closed to the user (a root-owned key).
        s.append("file_is() { sudo test -f \"$1\" && sudo test ! -L \"$1\""
                + " && [ \"$(sudo cat -- \"$1\" | sha256sum | cut -d' ' -f1)\" = \"$2\" ]"
                + " && { [ -z \"${3:-}\" ] || [ \"$(sudo stat -c %a -- \"$1\")\" = \"$3\" ]; } || changed \"$1\"; }\n");
        s.append("dir_is() { sudo test -d \"$1\" && sudo test ! -L \"$1\" || changed \"$1\"; }\n");
        s.append("absent() { sudo test ! -e \"$1\" && sudo test ! -L \"$1\" || changed \"$1\"; }\n\n");
        for (Map.Entry<Path, Expected> e : plan.expectations().entrySet()) {
            Expected x = e.getValue();
            String p = quote(e.getKey().toString());
            switch (x.kind()) {
                case FILE -> s.append("file_is ").append(p).append(' ').append(x.sha256())
                        .append(x.mode() == null ? "" : " " + statMode(x.mode())).append('\n');
                case DIRECTORY -> s.append("dir_is ").append(p).append('\n');
                case ABSENT -> s.append("absent ").append(p).append('\n');
            }
        }
        s.append('\n');
        int n = 0;
        for (FileOp op : plan.forward()) {
            n++;
            step(s, op, owners, prepared, n);
        }
        s.append("sudo sync\n");
        s.append("echo 'Certs.d Studio: done.'\n");
        return s.toString();
    }

    private static void step(StringBuilder s, FileOp op, Map<Path, Owner> owners, Path prepared, int n) {
        if (op instanceof FileOp.WriteFile w) {
            Owner o = owners.get(w.path());
            String tmp = quote(w.path().getParent().resolve("." + w.path().getFileName() + ".certsd-").toString())
                    + "$$'-" + Integer.toHexString(n) + ".tmp'";
            s.append("sudo install -m ").append(FileModes.octal(w.mode())).append(" -o ").append(quote(o.user()))
                    .append(" -g ").append(quote(o.group())).append(" -T -- ")
                    .append(quote(prepared.resolve("blobs").resolve(Sha256.hex(w.content())).toString())).append(' ')
                    .append(tmp).append('\n');
            if (w.overwrites()) {
                s.append("sudo mv -f -T -- ").append(tmp).append(' ').append(quote(w.path().toString())).append('\n');
            } else {
                // ln refuses an existing name, as the app's own writer does: nothing is replaced by accident.
                s.append("sudo ln -T -- ").append(tmp).append(' ').append(quote(w.path().toString())).append('\n');
                s.append("sudo rm -f -- ").append(tmp).append('\n');
            }
        } else if (op instanceof FileOp.Rename r) {
            s.append("sudo mv -T -- ").append(quote(r.from().toString())).append(' ').append(quote(r.to().toString()))
                    .append('\n');
        } else if (op instanceof FileOp.Delete d) {
            s.append(d.before().kind() == Expected.Kind.DIRECTORY ? "sudo rmdir -- " : "sudo rm -f -- ")
                    .append(quote(d.path().toString())).append('\n');
        } else if (op instanceof FileOp.MakeDirectory m) {
            Owner o = owners.get(m.path());
            s.append("sudo mkdir -m ").append(FileModes.octal(m.mode())).append(" -- ").append(quote(m.path().toString()))
                    .append('\n');
            s.append("sudo chown ").append(quote(o.user() + ":" + o.group())).append(" -- ")
                    .append(quote(m.path().toString())).append('\n');
        } else if (op instanceof FileOp.ChangeMode c) {
            s.append("sudo chmod ").append(FileModes.octal(c.mode())).append(" -- ").append(quote(c.path().toString()))
                    .append('\n');
        }
    }

    /** {@code stat -c %a} prints the mode without a leading zero. */
    private static String statMode(Set<PosixFilePermission> mode) {
        return Integer.toOctalString(Integer.parseInt(FileModes.octal(mode), 8));
    }

    /** Single quotes keep every character literal in sh; a quote itself is closed, escaped and reopened. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
