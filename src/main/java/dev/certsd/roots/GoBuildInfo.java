package dev.certsd.roots;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code -X importpath.name=value} settings a Go program was linked with, as Go 1.18 and later record them in the
 * binary's build information ({@code go version -m}: the {@code build -ldflags=...} line of the {@code .go.buildinfo}
 * section of an ELF file). {@code dockerd --version} prints the value of {@code dockerversion.Version}, which its
 * build sets this way; reading it here answers the same question without starting the 75 MB daemon (about 0.1 s of
 * CPU while the JVM itself is starting). Anything else (no ELF, no section, an older Go, a version set another way)
 * is empty, and the caller asks the program.
 */
public final class GoBuildInfo {
    /** More than any build information seen (dockerd's is 864 bytes); a bigger section is not read. */
    static final int MAX_SECTION = 1 << 20;
    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    private GoBuildInfo() {
    }

    /** The last {@code -X NAME=value} of the program's recorded linker flags whose NAME ends with {@code suffix}. */
    public static Optional<String> linkerValue(Path program, String suffix) {
        try {
            return section(program).flatMap(GoBuildInfo::modInfo).flatMap(GoBuildInfo::ldflags)
                    .flatMap(flags -> xValue(flags, suffix));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or malformed: the program is asked instead
        }
    }

    /** The bytes of the ELF file's {@code .go.buildinfo} section (64-bit, little-endian files only). */
    static Optional<byte[]> section(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty(); // a FIFO would block the open; a directory or device has no build information
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = read(ch, 0, 64);
            if (h.remaining() < 64 || h.getInt(0) != 0x464c457f || h.get(4) != 2 || h.get(5) != 1) {
                return Optional.empty(); // not ELF, or not ELF64 little-endian
            }
            long shoff = h.getLong(0x28);
            int shentsize = Short.toUnsignedInt(h.getShort(0x3A));
            int shnum = Short.toUnsignedInt(h.getShort(0x3C));
            int shstrndx = Short.toUnsignedInt(h.getShort(0x3E));
            long table = (long) shentsize * shnum;
            if (shentsize < 64 || shnum == 0 || shstrndx >= shnum || shoff <= 0 || table > MAX_SECTION
                    || table > ch.size()) {
                return Optional.empty(); // every buffer here is at most MAX_SECTION, whatever the file claims
            }
            ByteBuffer sh = read(ch, shoff, (int) table);
            if (sh.remaining() < shentsize * shnum) {
                return Optional.empty();
            }
            int strBase = shstrndx * shentsize;
            long strSize = sh.getLong(strBase + 0x20);
            if (strSize <= 0 || strSize > MAX_SECTION) {
                return Optional.empty();
            }
            ByteBuffer names = read(ch, sh.getLong(strBase + 0x18), (int) strSize);
            for (int i = 0; i < shnum; i++) {
                int base = i * shentsize;
                long size = sh.getLong(base + 0x20);
                if (isName(names, sh.getInt(base), ".go.buildinfo") && size > 0 && size <= MAX_SECTION) {
                    ByteBuffer s = read(ch, sh.getLong(base + 0x18), (int) size);
                    byte[] out = new byte[s.remaining()];
                    s.get(out);
                    return Optional.of(out);
                }
            }
            return Optional.empty();
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        if (at < 0) {
            return b.flip();
        }
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static boolean isName(ByteBuffer names, int at, String name) {
        if (at < 0 || at + name.length() >= names.limit()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (names.get(at + i) != name.charAt(i)) {
                return false;
            }
        }
        return names.get(at + name.length()) == 0;
    }

    /**
     * The module information text of a build information section in Go 1.18's format (flag 2: the strings inline after
     * the 32-byte header, each preceded by its length as a varint: the Go version, then the module information).
     */
    static Optional<String> modInfo(byte[] s) {
        if (s.length < 32 || !startsWith(s, MAGIC) || (s[15] & 2) == 0) {
            return Optional.empty();
        }
        int[] at = {32};
        long versionLength = uvarint(s, at);
        if (versionLength < 0 || versionLength > s.length - at[0]) {
            return Optional.empty();
        }
        at[0] += (int) versionLength;
        long length = uvarint(s, at);
        if (length < 0 || length > s.length - at[0]) {
            return Optional.empty();
        }
        return Optional.of(new String(s, at[0], (int) length, StandardCharsets.UTF_8));
    }

    private static boolean startsWith(byte[] s, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (s[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Go's unsigned varint at {@code at[0]}, advancing it; -1 when malformed. */
    private static long uvarint(byte[] s, int[] at) {
        long x = 0;
        for (int shift = 0; shift < 63 && at[0] < s.length; shift += 7) {
            int b = s[at[0]++] & 0xff;
            x |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return x;
            }
        }
        return -1;
    }

    /** The value of the {@code build -ldflags=...} line, unquoted as {@code strconv.Quote} wrote it. */
    static Optional<String> ldflags(String modInfo) {
        for (String line : modInfo.split("\n")) {
            if (line.startsWith("build\t-ldflags=")) {
                String value = line.substring("build\t-ldflags=".length());
                return value.startsWith("\"") ? GoQuoted.unquote(value) : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The last {@code -X name=value} among the linker's flags whose name ends with {@code suffix}. */
    static Optional<String> xValue(String ldflags, String suffix) {
        List<String> args = GoQuoted.split(ldflags).orElse(List.of());
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-X") || a.equals("--X")) && i + 1 < args.size()) {
                settings.add(args.get(++i));
            } else if (a.startsWith("-X=") || a.startsWith("--X=")) {
                settings.add(a.substring(a.indexOf('=') + 1));
            }
        }
        String found = null;
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(0, eq).endsWith(suffix)) {
                found = s.substring(eq + 1); // the linker applies them in order: the last one wins
            }
        }
        return Optional.ofNullable(found);
    }
}
