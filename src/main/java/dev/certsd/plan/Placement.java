package dev.certsd.plan;

import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.files.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a new client pair {@code <name>.cert} + {@code <name>.key} lands in a host directory: its position in load
 * order among the pairs already there (byte order of file names, as Go's os.ReadDir sorts them), and which of its
 * two files already exist. A wizard calls {@link #of} as the user types the name.
 *
 * @param position         1-based position of the new pair in load order
 * @param pairsInLoadOrder the pair base names in load order, the new one included
 * @param existing         the file names of the pair that already exist (overwriting them needs an explicit choice)
 */
public record Placement(Path hostDir, String name, int position, List<String> pairsInLoadOrder,
                        List<String> existing) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+@-]{0,99}");

    public Placement {
        pairsInLoadOrder = List.copyOf(pairsInLoadOrder);
        existing = List.copyOf(existing);
    }

    public String certFile() {
        return name + ".cert";
    }

    public String keyFile() {
        return name + ".key";
    }

    public boolean first() {
        return position == 1;
    }

    /**
     * Why {@code name} cannot name a pair (empty, a path, an extension typed along, characters a shell or Windows
     * would trip on); empty when it can.
     */
    public static Optional<Message> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(PkiText.of("name.empty"));
        }
        for (String ext : List.of(".cert", ".key", ".crt", ".pem")) {
            if (name.endsWith(ext)) {
                return Optional.of(PkiText.of("name.extension", name, name.substring(0, name.length() - ext.length())));
            }
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(PkiText.of("name.characters", name));
        }
        return Optional.empty();
    }

    /** The placement of {@code name} in {@code hostDir} (which need not exist yet). */
    public static Placement of(Path hostDir, String name) throws PkiException {
        Optional<Message> problem = nameProblem(name);
        if (problem.isPresent()) {
            throw new PkiException(problem.get());
        }
        List<String> pairs = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (String file : list(hostDir)) {
            if (file.endsWith(".cert") && !file.equals(name + ".cert")) {
                pairs.add(file.substring(0, file.length() - 5));
            }
            if (file.equals(name + ".cert") || file.equals(name + ".key")) {
                existing.add(file);
            }
        }
        pairs.add(name);
        existing.sort(null);
        // Go compares whole file names: "a.cert" vs "a-b.cert" differ at the byte after "a" ('.' is 0x2E, '-' 0x2D).
        pairs.sort((a, b) -> Arrays.compareUnsigned((a + ".cert").getBytes(StandardCharsets.UTF_8),
                (b + ".cert").getBytes(StandardCharsets.UTF_8)));
        return new Placement(hostDir.toAbsolutePath().normalize(), name, pairs.indexOf(name) + 1, pairs, existing);
    }

    /** What the user should know about this position, for the name field and the summary. */
    public List<Message> notes() {
        List<Message> out = new ArrayList<>();
        if (!existing.isEmpty()) {
            out.add(PkiText.of("placement.exists", String.join(", ", existing)));
        }
        if (pairsInLoadOrder.size() == 1) {
            out.add(PkiText.of("placement.only", certFile()));
        } else if (first()) {
            out.add(PkiText.of("placement.first", certFile(), pairsInLoadOrder.size()));
        } else {
            out.add(PkiText.of("placement.after", certFile(), position, pairsInLoadOrder.size(),
                    String.join(", ", pairsInLoadOrder.subList(0, position - 1))));
        }
        return out;
    }

    private static List<String> list(Path dir) throws PkiException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw PkiException.unreadable(dir, e);
        }
        return names;
    }
}
