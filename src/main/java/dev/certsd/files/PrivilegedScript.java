package dev.certsd.files;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The copy-pasteable shell script that performs exactly a prepared change as root. It trusts its own text, not the
 * prepared directory around it: every content is copied (without following a link, size capped) into a directory only
 * root may enter and checked against the SHA-256 written in the script before anything is changed, and installed from
 * that copy. Every target must lie inside a known certs root with no symbolic link and no directory others may write
 * below the root; modes are the plan's fixed ones; owners are decided when it runs (the user who ran sudo in their own
 * home roots, else the replaced file's or the directory's owner). Then it checks that every path is still as it was
 * shown (and stops, changing nothing, if not), and runs one plain command per step, each file installed under a
 * temporary name with its final mode and owner and renamed into place, as the app itself does.
 */
final class PrivilegedScript {
    private static final Set<String> MODES = Set.of("0600", "0644", "0755");

    private PrivilegedScript() {
    }

    /**
     * @param roots     the known certs roots of the preparing user (the script adds {@code /etc/certsd-studio/roots})
     * @param homeRoots those of them in the user's home: new files there belong to the user who runs sudo
     */
    static String render(Message description, Plan plan, List<Path> roots, List<Path> homeRoots, Path prepared) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# Certs.d Studio: ").append(oneLine(description.render(Locale.ENGLISH))).append('\n');
        s.append("# Run it as root (sh ").append(quote(prepared.resolve("apply.sh").toString()))
                .append(") or paste it into a shell: each command asks sudo.\n");
        s.append("# It changes nothing if any file is no longer as it was shown, or any prepared content differs\n");
        s.append("# from the SHA-256 written here.\n");
        s.append("set -eu\n");
        s.append("umask 077\n");
        s.append("if [ \"$(id -u)\" -eq 0 ]; then sudo() { \"$@\"; }; fi\n");
        s.append("changed() { echo \"Certs.d Studio: $1 changed since it was shown; nothing was changed."
                + " Refresh and try again.\" >&2; exit 1; }\n");
        s.append("refuse() { echo \"Certs.d Studio: $1; nothing was changed.\" >&2; exit 1; }\n");
        // The checks read as root too: the files may be closed to the user (a root-owned key).
        s.append("file_is() { sudo test -f \"$1\" && sudo test ! -L \"$1\""
                + " && [ \"$(sudo cat -- \"$1\" | sha256sum | cut -d' ' -f1)\" = \"$2\" ]"
                + " && { [ -z \"${3:-}\" ] || [ \"$(sudo stat -c %a -- \"$1\")\" = \"$3\" ]; } || changed \"$1\"; }\n");
        s.append("dir_is() { sudo test -d \"$1\" && sudo test ! -L \"$1\" || changed \"$1\"; }\n");
        s.append("absent() { sudo test ! -e \"$1\" && sudo test ! -L \"$1\" || changed \"$1\"; }\n");
        body(s, plan, roots, homeRoots, prepared);
        return s.toString();
    }

    /** The roots' checks, the staging of each prepared content, the expectations, then the steps. */
    private static void body(StringBuilder s, Plan plan, List<Path> roots, List<Path> homeRoots, Path prepared) {
        roots(s, roots, homeRoots);
        s.append("# Each prepared content: copied without following a link into a directory only root may enter,\n");
        s.append("# checked there, and installed from there.\n");
        s.append("staged=$(sudo mktemp -d)\n");
        s.append("trap 'sudo rm -rf -- \"$staged\"' EXIT\n");
        s.append("stage() { sudo test ! -L \"$1\" && sudo test -f \"$1\" || refuse \"$1 is not a plain prepared file\"\n"
                + "  sudo dd if=\"$1\" of=\"$staged/$2\" iflag=nofollow bs=1M count=17 status=none"
                + " || refuse \"$1 could not be read as a plain file\"\n"
                + "  [ \"$(sudo sha256sum -- \"$staged/$2\" | cut -d' ' -f1)\" = \"$2\" ]"
                + " || refuse \"$1 does not hold what was prepared (its SHA-256 differs)\"; }\n\n");
        java.util.LinkedHashSet<Path> targets = new java.util.LinkedHashSet<>();
        for (FileOp op : plan.forward()) {
            targets.addAll(op.paths());
        }
        modeChecks(s, plan.forward());
        for (Path t : targets) {
            s.append("safe_target ").append(quote(t.toString())).append('\n');
        }
        for (FileOp op : plan.forward()) {
            if (op instanceof FileOp.WriteFile w) {
                String sha = Sha256.hex(w.content());
                s.append("stage ").append(quote(prepared.resolve("blobs").resolve(sha).toString())).append(' ')
                        .append(sha).append('\n');
            }
        }
        s.append('\n');
        expectations(s, plan);
        s.append('\n');
        int n = 0;
        for (FileOp op : plan.forward()) {
            n++;
            step(s, op, n);
        }
        s.append("sudo sync\n");
        s.append("echo 'Certs.d Studio: done.'\n");
    }

    /** One check per path: the file with its SHA-256 (and mode), the directory, or nothing there. */
    private static void expectations(StringBuilder s, Plan plan) {
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
    }

    /**
     * {@code in_roots}: the known roots (and the administrator's list); {@code owner_for}: who owns what is made at a
     * path; {@code safe_target}: inside a root, and below the root no link and no directory others may write.
     */
    private static void roots(StringBuilder s, List<Path> roots, List<Path> homeRoots) {
        s.append("roots_file=${CERTSD_ROOTS_FILE:-/etc/certsd-studio/roots}\n");
        s.append("root_of() {\n  case \"$1\" in\n");
        for (Path r : roots) {
            String q = quote(r.toString());
            s.append("    ").append(q).append('|').append(q).append("/*) echo ").append(q).append("; return ;;\n");
        }
        s.append("  esac\n");
        s.append("  if sudo test -f \"$roots_file\" && sudo test ! -L \"$roots_file\""
                + " && [ \"$(sudo stat -c %u -- \"$roots_file\")\" = 0 ]; then\n");
        s.append("    sudo cat -- \"$roots_file\" | while IFS= read -r r; do\n");
        s.append("      case \"$r\" in /?*) r=${r%/}; case \"$1\" in \"$r\"|\"$r\"/*) echo \"$r\"; break ;; esac ;; esac\n");
        s.append("    done\n  fi\n}\n");
        s.append("in_home_root() {\n  case \"$1\" in\n");
        if (homeRoots.isEmpty()) {
            s.append("    /dev/null/none) return 0 ;;\n");
        }
        for (Path r : homeRoots) {
            s.append("    ").append(quote(r.toString())).append("/*) return 0 ;;\n");
        }
        s.append("  esac\n  return 1\n}\n");
        s.append("owner_for() { if in_home_root \"$1\" && [ -n \"${SUDO_UID:-}\" ]; then echo \"$SUDO_UID:$SUDO_GID\";"
                + " elif sudo test -f \"$1\"; then sudo stat -c %u:%g -- \"$1\";"
                + " else sudo stat -c %u:%g -- \"$(dirname -- \"$1\")\"; fi; }\n");
        // The walk from / mirrors the app's rule for root (OpenedDir): every directory on the way belongs to root or
        // to the target directory's owner and no one else may write it (unless sticky); a link is followed only
        // above the certs root and only when root made it in a directory only root controls.
        s.append("safe_target() {\n");
        s.append("  root=$(root_of \"$1\")\n");
        s.append("  [ -n \"$root\" ] || refuse \"$1 is not inside a certs root this script may change"
                + " (an administrator lists custom roots in $roots_file)\"\n");
        s.append("  d=$(dirname -- \"$1\"); while ! sudo test -d \"$d\"; do d=$(dirname -- \"$d\"); done\n");
        s.append("  owner=$(sudo stat -L -c %u -- \"$d\"); p=; rest=$1; trusted=1\n");
        s.append("  while [ -n \"$rest\" ]; do\n");
        s.append("    rest=${rest#/}; p=$p/${rest%%/*}; case \"$rest\" in */*) rest=/${rest#*/} ;; *) rest= ;; esac\n");
        s.append("    if sudo test -L \"$p\"; then\n");
        s.append("      case \"$p\" in \"$root\"/*) refuse \"$p is a symbolic link; the script does not write"
                + " through links below a certs root\" ;; esac\n");
        s.append("      [ \"$trusted\" = 1 ] && [ \"$(sudo stat -c %u -- \"$p\")\" = 0 ]"
                + " || refuse \"$p is a symbolic link another user could change\"\n");
        s.append("    fi\n");
        s.append("    sudo test -d \"$p\" || break\n");
        s.append("    u=$(sudo stat -L -c %u -- \"$p\"); m=$(sudo stat -L -c %a -- \"$p\")\n");
        s.append("    [ \"$u\" = 0 ] || [ \"$u\" = \"$owner\" ]"
                + " || refuse \"$p belongs to uid $u, who could redirect the change; run it as the files' owner\"\n");
        s.append("    if [ $((0$m & 022)) -ne 0 ] && [ $((0$m & 01000)) -eq 0 ]; then"
                + " refuse \"$p may be written by other users (mode $m)\"; fi\n");
        s.append("    if [ \"$u\" = 0 ]; then trusted=1; else trusted=0; fi\n");
        s.append("  done\n}\n");
    }

    private static void step(StringBuilder s, FileOp op, int n) {
        if (op instanceof FileOp.WriteFile w) {
            String mode = fixed(w.mode());
            String target = quote(w.path().toString());
            String tmp = quote(w.path().getParent().resolve("." + w.path().getFileName() + ".certsd-").toString())
                    + "$$'-" + Integer.toHexString(n) + ".tmp'";
            s.append("o=$(owner_for ").append(target).append(")\n");
            s.append("sudo install -m ").append(mode).append(" -o \"${o%:*}\" -g \"${o#*:}\" -T -- \"$staged/")
                    .append(Sha256.hex(w.content())).append("\" ").append(tmp).append('\n');
            if (w.overwrites()) {
                s.append("sudo mv -f -T -- ").append(tmp).append(' ').append(target).append('\n');
            } else {
                // ln refuses an existing name, as the app's own writer does: nothing is replaced by accident.
                s.append("sudo ln -T -- ").append(tmp).append(' ').append(target).append('\n');
                s.append("sudo rm -f -- ").append(tmp).append('\n');
            }
        } else if (op instanceof FileOp.Rename r) {
            s.append("sudo mv -T -- ").append(quote(r.from().toString())).append(' ').append(quote(r.to().toString()))
                    .append('\n');
        } else if (op instanceof FileOp.Delete d) {
            s.append(d.before().kind() == Expected.Kind.DIRECTORY ? "sudo rmdir -- " : "sudo rm -f -- ")
                    .append(quote(d.path().toString())).append('\n');
        } else if (op instanceof FileOp.MakeDirectory m) {
            String target = quote(m.path().toString());
            s.append("o=$(owner_for ").append(target).append(")\n");
            s.append("sudo mkdir -m ").append(fixed(m.mode())).append(" -- ").append(target).append('\n');
            s.append("sudo chown -h \"$o\" -- ").append(target).append('\n');
        } else if (op instanceof FileOp.ChangeMode c) {
            String mode = fixed(c.mode());
            s.append("sudo chmod ").append(mode).append(" -- ").append(quote(c.path().toString()))
                    .append('\n');
        }
    }

    /**
     * The plan's mode: the app's fixed ones (0600 keys, 0644 certificates, 0755 directories), or, undoing a change,
     * the mode a file had before. A mode others may write is never set as root: the script refuses the change.
     */
    private static String fixed(Set<PosixFilePermission> mode) {
        return FileModes.octal(mode);
    }

    /** Before anything is changed: a step that would give a mode others may write stops the script. */
    private static void modeChecks(StringBuilder s, List<FileOp> ops) {
        for (FileOp op : ops) {
            Set<PosixFilePermission> mode = op instanceof FileOp.WriteFile w ? w.mode()
                    : op instanceof FileOp.MakeDirectory m ? m.mode() : op instanceof FileOp.ChangeMode c ? c.mode() : null;
            String octal = mode == null ? null : FileModes.octal(mode);
            if (octal != null && !MODES.contains(octal) && (Integer.parseInt(octal, 8) & 0022) != 0) {
                s.append("refuse ").append(quote(op.paths().get(0) + " would get mode " + octal
                        + ", which others may write")).append('\n');
            }
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
