package dev.certsd.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user a privileged run acts for ({@code PKEXEC_UID}, {@code SUDO_UID}), as the system's account files name them:
 * the helper computes owners and the user's home roots from this, never from what the user prepared.
 *
 * @param group the primary group's name, or its number when it has none
 */
record SystemUser(long uid, String name, long gid, String group, Path home) {
    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Path GROUP = Path.of("/etc/group");

    /**
     * The account with this uid, or empty when the system does not know it: {@code /etc/passwd}, else the name
     * service ({@code getent}, for accounts from LDAP or sssd).
     */
    static Optional<SystemUser> byUid(long uid) {
        try {
            for (String line : Files.readAllLines(PASSWD, StandardCharsets.UTF_8)) {
                Optional<SystemUser> u = parse(line, uid);
                if (u.isPresent()) {
                    return u;
                }
            }
        } catch (IOException | RuntimeException e) {
            // try the name service
        }
        return Optional.ofNullable(getent(uid)).flatMap(line -> parse(line, uid));
    }

    private static Optional<SystemUser> parse(String line, long uid) {
        String[] f = line.split(":", -1);
        if (f.length >= 7 && f[2].equals(Long.toString(uid)) && f[3].matches("[0-9]{1,10}")
                && f[5].startsWith("/")) {
            long gid = Long.parseLong(f[3]);
            return Optional.of(new SystemUser(uid, f[0], gid, groupName(gid), Path.of(f[5])));
        }
        return Optional.empty();
    }

    /** {@code getent passwd UID}'s line (a fixed program, a number for argument), or null. */
    private static String getent(long uid) {
        Path getent = Path.of("/usr/bin/getent");
        if (!Files.isExecutable(getent)) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(getent.toString(), "passwd", Long.toString(uid))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Who asked for a privileged run: pkexec's {@code PKEXEC_UID}, else sudo's {@code SUDO_UID}, else this process's
     * own user. Read from the environment the privileged program was started with (pkexec and sudo set them).
     */
    static long invokingUid(java.util.Map<String, String> env) {
        for (String var : new String[] {"PKEXEC_UID", "SUDO_UID"}) {
            String v = env.get(var);
            if (v != null && v.matches("[0-9]{1,10}")) {
                return Long.parseLong(v);
            }
        }
        return CurrentUser.uid();
    }

    /** The owner new files of this user's get. */
    Owner owner() {
        return new Owner(name, group);
    }

    @Override
    public String toString() {
        return name + " (uid " + uid + ")";
    }

    private static String groupName(long gid) {
        try {
            for (String line : Files.readAllLines(GROUP, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && f[2].equals(Long.toString(gid))) {
                    return f[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // the number will do: the owner lookup takes it
        }
        return Long.toString(gid);
    }
}
