package dev.certsd.plan;

import dev.certsd.certs.PkiText;
import dev.certsd.files.Message;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostDir;
import dev.certsd.roots.HostDirNames;
import dev.certsd.roots.OsFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The registry as the user types it in {@code docker pull} ({@code registry.example.com}, {@code reg:5000},
 * {@code 10.0.0.5:5000}, {@code [::1]:5000}), checked as they type: a scheme, a path or a tag is stripped with a
 * note; what is not a registry host is refused with the reason.
 */
public sealed interface RegistryInput {
    /** Docker Hub's names: Docker never reads certs.d for them. */
    Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    String typed();

    /**
     * A registry host.
     *
     * @param registry host[:port] as in an image reference (IPv6 in brackets, no :443)
     * @param notes    what was stripped or changed, and why
     */
    record Valid(String typed, String registry, HostDir hostDir, List<Message> notes) implements RegistryInput {
        public Valid {
            notes = List.copyOf(notes);
        }

        public boolean dockerHub() {
            return DOCKER_HUB.contains(registry);
        }
    }

    /** Not a registry host; {@code problem} says why and what to type instead. */
    record Invalid(String typed, Message problem) implements RegistryInput {
    }

    static RegistryInput parse(String typed) {
        String raw = typed == null ? "" : typed;
        String s = raw.strip();
        List<Message> notes = new ArrayList<>();
        if (s.isEmpty()) {
            return new Invalid(raw, PkiText.of("registry.empty"));
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return new Invalid(raw, PkiText.of("registry.space", s));
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            String name = s.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (!name.equals("https") && !name.equals("http")) {
                return new Invalid(raw, PkiText.of("registry.scheme", name));
            }
            notes.add(PkiText.of(name.equals("http") ? "registry.note.http" : "registry.note.scheme", name + "://"));
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        String authority = slash < 0 ? s : s.substring(0, slash);
        String path = slash < 0 ? "" : s.substring(slash);
        if (authority.contains("@")) {
            return new Invalid(raw, PkiText.of("registry.userinfo", authority));
        }
        if (authority.isEmpty()) {
            return new Invalid(raw, PkiText.of("registry.empty"));
        }
        // Docker's rule: the first component is a registry only with a dot, a port or as localhost; else it is Hub's.
        boolean registryLike = authority.contains(".") || authority.contains(":") || authority.startsWith("[")
                || authority.equals("localhost");
        if (!registryLike) {
            return new Invalid(raw, PkiText.of("registry.hubImage", authority));
        }
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/v2") && !path.equals("/v2/")) {
            notes.add(PkiText.of("registry.note.path", path));
        }
        if (authority.endsWith(":443")) {
            notes.add(PkiText.of("registry.note.port443"));
            authority = authority.substring(0, authority.length() - 4);
        }
        HostDir dir = HostDirNames.parse(authority, Client.DOCKER, OsFamily.LINUX);
        if (!dir.valid()) {
            String key = switch (String.valueOf(dir.problem())) {
                case "port out of range" -> "registry.port";
                case "IPv6 addresses must be in brackets" -> "registry.ipv6";
                default -> "registry.notHost";
            };
            return new Invalid(raw, PkiText.of(key, authority));
        }
        return new Valid(raw, dir.registry(), dir, notes);
    }
}
