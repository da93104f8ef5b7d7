package dev.certsd.remote;

import dev.certsd.files.AtomicWriter;
import dev.certsd.files.FileModes;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Strict host key checking against known_hosts, as {@code ssh -o StrictHostKeyChecking=yes} does it, with one
 * door: an unknown key whose SHA-256 fingerprint the user has confirmed is trusted and added to known_hosts
 * (through the files layer). A changed key is always refused. The refusal is remembered for the error message.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {
    private final Set<String> accepted;
    private final Path knownHosts;
    /** Why each session's key was refused: the problem's machine is filled in by who asked for the session. */
    private final Map<ClientSession, RemoteProblem> refusals = new ConcurrentHashMap<>();

    HostKeyCheck(Path knownHosts, Set<String> accepted) {
        super(RejectAllServerKeyVerifier.INSTANCE, knownHosts);
        this.knownHosts = knownHosts;
        this.accepted = accepted;
        setModifiedServerKeyAcceptor(this);
    }

    /** The SHA-256 fingerprint as ssh prints it: {@code SHA256:} and unpadded base64. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** Why the session's host key was refused (its machine as {@code machine}), or null. */
    RemoteProblem refusal(ClientSession session, String machine) {
        RemoteProblem p = session == null ? null : refusals.remove(session);
        return p == null ? null : new RemoteProblem(p.kind(), machine, p.args());
    }

    private void refuse(ClientSession session, RemoteProblem.Kind kind, String... args) {
        refusals.putIfAbsent(session, RemoteProblem.of(kind, "", args));
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
        String fp = fingerprint(key);
        if (!accepted.contains(fp)) {
            refuse(session, RemoteProblem.Kind.UNKNOWN_HOST_KEY, KeyUtils.getKeyType(key), fp, knownHosts.toString());
            return false;
        }
        try {
            KnownHostEntry entry = prepareKnownHostEntry(session, remote, key);
            remember(entry.getConfigLine());
        } catch (Exception e) {
            refuse(session, RemoteProblem.Kind.KNOWN_HOSTS_UNWRITABLE, knownHosts.toString(),
                    String.valueOf(e.getMessage()));
            return false;
        }
        return true;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                           PublicKey expected, PublicKey actual) {
        refuse(session, RemoteProblem.Kind.CHANGED_HOST_KEY, KeyUtils.getKeyType(actual), fingerprint(actual),
                knownHosts.toString());
        return false;
    }

    /** Appends the line to known_hosts: the whole file rewritten atomically, 0600 like ssh's. */
    private synchronized void remember(String line) throws IOException {
        byte[] old = Files.exists(knownHosts) ? Files.readAllBytes(knownHosts) : new byte[0];
        String text = new String(old, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
        }
        if (!Files.isDirectory(knownHosts.getParent())) {
            Files.createDirectories(knownHosts.getParent(),
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
        }
        AtomicWriter.write(knownHosts, (text + line + "\n").getBytes(StandardCharsets.UTF_8), FileModes.KEY,
                Files.exists(knownHosts), null);
    }
}
