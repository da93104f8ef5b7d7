package dev.certsd.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The app as an unprivileged user, run by {@link PermissionDeniedTest} through setpriv: applies a change set (or
 * undoes) against a root-owned certs.d and reports on stdout what the app would show.
 */
public final class UnprivilegedSession {
    static final byte[] NEW_KEY = "-----BEGIN PRIVATE KEY-----\nnew\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NEW_CA = "-----BEGIN CERTIFICATE-----\nnew\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OLD = "old\n".getBytes(StandardCharsets.US_ASCII);

    private UnprivilegedSession() {
    }

    /** One change set with every kind of step, against a host directory prepared by the test. */
    static ChangeSet changeSet(Path host) {
        return ChangeSet.of(Message.of("dev.certsd.files.files", "step.rename", "test", "all kinds of steps"),
                new FileOp.Rename(host.resolve("ca.cert"), host.resolve("ca.crt"), Expected.file(OLD, null)),
                FileOp.WriteFile.create(host.resolve("client.key"), NEW_KEY, FileModes.KEY),
                FileOp.WriteFile.overwrite(host.resolve("old.crt"), Expected.file(OLD, null), NEW_CA, FileModes.CERTIFICATE),
                new FileOp.MakeDirectory(host.resolve("disabled"), FileModes.DIRECTORY),
                new FileOp.Rename(host.resolve("orphan.key"), host.resolve("disabled").resolve("orphan.key"),
                        Expected.file(OLD, null)),
                new FileOp.ChangeMode(host.resolve("weak.key"), FileModes.KEY, Expected.file(OLD, null)),
                new FileOp.Delete(host.resolve("junk.txt"), Expected.file(OLD, null)));
    }

    public static void main(String[] args) throws IOException {
        String command = args[0];
        FileChanges changes = new FileChanges(Journal.open(Path.of(args[1])));
        Outcome outcome;
        switch (command) {
            case "apply" -> {
                Path host = Path.of(args[2]);
                try {
                    AtomicWriter.write(host.resolve("client.key"), NEW_KEY, FileModes.KEY, false, null);
                    System.out.println("direct-write: written?!");
                } catch (IOException e) {
                    System.out.println("direct-write: " + Applier.problemOf(host.resolve("client.key"), e).message(Locale.ENGLISH));
                }
                Preview preview = changes.preview(changeSet(host));
                System.out.println("preview-privileged: " + preview.privileged());
                outcome = changes.apply(changeSet(host));
            }
            case "undo" -> outcome = changes.undo();
            case "history" -> {
                changes.history().forEach(e -> System.out.println("entry: " + e.id() + " " + e.status()));
                return;
            }
            default -> throw new IllegalArgumentException(command);
        }
        System.out.println("outcome: " + outcome.getClass().getSimpleName());
        if (outcome instanceof Outcome.NeedsPrivilege np) {
            System.out.println("script: " + np.prepared().script());
            System.out.println("helper: " + String.join(" ", np.prepared().pkexecCommand()));
        } else if (outcome instanceof Outcome.Refused r) {
            r.problems().forEach(p -> System.out.println("problem: " + p.message(Locale.ENGLISH)));
        }
    }
}
