package dev.certsd.ui.wizard;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.RootModel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A certs root a wizard can write into, with the name the tree gives it. */
public record RootChoice(CertsRoot root, String label, boolean sample) {

    /** The roots of the window, in its order. */
    public static List<RootChoice> of(List<RootModel> models, UiText text) {
        return models.stream().map(m -> new RootChoice(m.root(), m.label(text), m.sample())).toList();
    }

    /** A folder the user typed or chose, read the way Docker reads it (as the window's "Add folder" does). */
    public static RootChoice folder(Path path, UiText text) {
        return new RootChoice(CertsRoot.custom(path, Client.DOCKER), text.fmt("root.readAs",
                text.get("root.kind.CUSTOM"), text.get("probe.client.DOCKER")), false);
    }

    public Path path() {
        return root.path();
    }

    /** "Docker — /etc/docker/certs.d", for lists. */
    public String display(UiText text) {
        return text.fmt("wizard.root.display", label, root.path());
    }

    /**
     * Why {@code typed} cannot be added as a root; empty when it can (it may not exist yet: the wizard makes it).
     *
     * @param listed the roots already offered
     */
    public static Optional<String> folderProblem(String typed, List<RootChoice> listed, UiText text) {
        String s = typed == null ? "" : typed.strip();
        if (s.isEmpty()) {
            return Optional.of(text.get("wizard.folder.empty"));
        }
        Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            return Optional.of(text.fmt("wizard.folder.invalid", s));
        }
        if (!p.isAbsolute()) {
            return Optional.of(text.fmt("wizard.folder.relative", s));
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
            return Optional.of(text.fmt("wizard.folder.notFolder", s));
        }
        Path n = p.toAbsolutePath().normalize();
        if (listed.stream().anyMatch(r -> r.path().equals(n))) {
            return Optional.of(text.fmt("wizard.folder.listed", n));
        }
        return Optional.empty();
    }
}
