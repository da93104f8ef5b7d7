package dev.certsd.remote;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;

/**
 * The SSH client this program reaches machines with: the user's {@code ~/.ssh} (config, keys, known_hosts, all
 * from {@link SshSettings#sshDir()}), strict host key checking, and one timeout for connecting, logging in and
 * every answer after that. One instance serves many machines at once (the fleet); each {@link #open} is one
 * connection, read-only by construction: only a file system to read is handed out.
 */
public final class RemoteAccess implements Closeable {
    private final SshSettings settings;
    private final SshClient client;
    private final HostKeyCheck hostKeys;
    private final HostConfigEntryResolver config;
    /** Sessions this side closed because the server stopped answering. */
    private final Set<Session> timedOut = ConcurrentHashMap.newKeySet();

    public RemoteAccess(SshSettings settings) throws RemoteException {
        this.settings = settings;
        try {
            this.config = SshConfig.resolver(settings);
        } catch (IOException | RuntimeException e) {
            throw new RemoteException(RemoteProblem.of(RemoteProblem.Kind.BAD_CONFIG, settings.config().toString(),
                    String.valueOf(e.getMessage())), e);
        }
        this.hostKeys = new HostKeyCheck(settings.knownHosts(), settings.acceptedFingerprints());
        client = SshClient.setUpDefaultClient();
        Tuning.apply(client);
        client.setServerKeyVerifier(hostKeys);
        client.setHostConfigEntryResolver(config);
        List<Path> keys = SshConfig.defaultIdentities(settings);
        client.setKeyIdentityProvider(new FileKeyPairProvider(keys));
        CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.timeout());
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, settings.timeout());
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionDisconnect(Session session, int reason, String msg, String language,
                                          boolean initiator) {
                if (initiator && msg != null && msg.contains("Timeout")) {
                    timedOut.add(session);
                }
            }

            @Override
            public void sessionClosed(Session session) {
                // keep the mark until the machine asks; sessions are few
            }
        });
        client.start();
    }

    public SshSettings settings() {
        return settings;
    }

    /**
     * Connects, checks the host key, logs in and opens SFTP.
     *
     * @throws RemoteException with the reason (an unknown host key carries its fingerprint)
     */
    public RemoteMachine open(SshTarget target) throws RemoteException {
        String label = target.label();
        HostConfigEntry entry;
        try {
            entry = config.resolveEffectiveHost(target.host(), target.port(), null, target.user(), null, null);
        } catch (IOException | RuntimeException e) {
            throw problem(RemoteProblem.Kind.BAD_CONFIG, label, e);
        }
        if (entry == null) {
            entry = new HostConfigEntry(target.host(), target.host(), target.port() > 0 ? target.port() : 22,
                    target.user() != null ? target.user() : System.getProperty("user.name"));
        }
        ClientSession session = null;
        try {
            session = client.connect(entry, null, null).verify(settings.timeout()).getSession();
            session.auth().verify(settings.timeout());
            SftpFileSystem fs = SftpClientFactory.instance().createSftpFileSystem(session);
            return new RemoteMachine(label, session, fs, this);
        } catch (IOException | RuntimeException e) {
            RemoteProblem refused = hostKeys.refusal(session, label);
            if (session != null) {
                session.close(true);
            }
            if (refused != null) {
                throw new RemoteException(refused, e);
            }
            throw classify(label, session, e);
        }
    }

    private RemoteException classify(String label, ClientSession session, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return problem(RemoteProblem.Kind.UNREACHABLE, label, t);
            }
            if (t instanceof TimeoutException || (t instanceof SshException && String.valueOf(t.getMessage())
                    .contains("within specified timeout"))) {
                return problem(RemoteProblem.Kind.TIMEOUT, label, t);
            }
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("No more authentication methods") || text.toLowerCase(java.util.Locale.ROOT).contains("auth")) {
            return problem(RemoteProblem.Kind.AUTH_FAILED, label, e);
        }
        if (text.contains("subsystem")) {
            return problem(RemoteProblem.Kind.NO_SFTP, label, e);
        }
        if (e instanceof IllegalArgumentException) {
            return problem(RemoteProblem.Kind.BAD_CONFIG, label, e);
        }
        if (session != null && timedOut.remove(session)) {
            return problem(RemoteProblem.Kind.TIMEOUT, label, e);
        }
        return problem(RemoteProblem.Kind.CONNECTION_LOST, label, e);
    }

    private static RemoteException problem(RemoteProblem.Kind kind, String label, Throwable cause) {
        return new RemoteException(RemoteProblem.of(kind, label, String.valueOf(cause.getMessage())), cause);
    }

    /** Whether this side closed the session because the server stopped answering (asked once). */
    boolean timedOut(Session session) {
        return timedOut.remove(session);
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }

}
