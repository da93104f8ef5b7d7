package dev.certsd.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * The user's {@code ~/.ssh/config} (Host, HostName, User, Port, IdentityFile, ProxyJump) read from the injected
 * {@code .ssh} directory: {@code ~} and {@code %d} in IdentityFile mean that directory's home, not the JVM's.
 */
final class SshConfig {
    private SshConfig() {
    }

    /** A resolver over the config file, or one that knows no host when there is none. */
    static HostConfigEntryResolver resolver(SshSettings settings) throws IOException {
        Path file = settings.config();
        if (!Files.isRegularFile(file)) {
            return HostConfigEntryResolver.EMPTY;
        }
        List<HostConfigEntry> entries = HostConfigEntry.readHostConfigEntries(file);
        String home = settings.home().toString();
        for (HostConfigEntry e : entries) {
            if (e.getIdentities() == null || e.getIdentities().isEmpty()) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (String id : e.getIdentities()) {
                if (id.startsWith("~/") || id.equals("~")) {
                    id = home + id.substring(1);
                } else if (id.startsWith("%d")) {
                    id = home + id.substring(2);
                }
                ids.add(id);
            }
            e.setIdentities(ids);
        }
        return HostConfigEntry.toHostConfigEntryResolver(entries);
    }

    /** The keys ssh tries when the config names none: ~/.ssh/id_ed25519, id_ecdsa, id_rsa, where they exist. */
    static List<Path> defaultIdentities(SshSettings settings) {
        List<Path> keys = new ArrayList<>();
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            Path p = settings.sshDir().resolve(name);
            if (Files.isRegularFile(p)) {
                keys.add(p);
            }
        }
        return keys;
    }
}
