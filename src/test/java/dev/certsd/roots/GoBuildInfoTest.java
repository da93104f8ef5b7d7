package dev.certsd.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.testing.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version Docker's daemon was linked with, read from its build information, is the one {@code dockerd --version}
 * prints; files that do not record it give nothing (and the daemon is then asked).
 */
class GoBuildInfoTest {
    private static final String DOCKER_FLAGS = "\" \\t\\t-w \\t-X \\\"github.com/docker/docker/dockerversion.Version="
            + "20.10.24+dfsg1\\\" \\t-X \\\"github.com/docker/docker/dockerversion.GitCommit=5d6db84\\\"  \\t\"";

    @TempDir
    Path dir;

    @Test
    void theInstalledDaemonsRecordedVersionIsTheOneItPrints() throws Exception {
        Path dockerd = ExternalTools.require("dockerd", "docker.io");
        ExternalTools.Result printed = ExternalTools.run(List.of(dockerd.toString(), "--version"), dir);
        Optional<String> recorded = InstalledVersions.recorded("dockerd", dockerd);
        assertEquals(InstalledVersions.versionIn(printed.stdout() + printed.stderr()), recorded);
        assertEquals(true, recorded.isPresent(), "Debian's dockerd (Go 1.19) records its linker flags");
    }

    @Test
    void aVersionIsReadFromTheBuildInformationSection() throws Exception {
        Path f = elf(buildInfo("go1.19.8", modInfo("build\t-ldflags=" + DOCKER_FLAGS)), ".go.buildinfo");
        assertEquals(Optional.of("20.10.24+dfsg1"), GoBuildInfo.linkerValue(f, "/dockerversion.Version"));
        assertEquals(Optional.of("20.10.24"), InstalledVersions.recorded("dockerd", f));
        assertEquals(Optional.empty(), InstalledVersions.recorded("containerd", f), "only Docker's variable is known");
    }

    @Test
    void theLastSettingWinsInEveryFlagSpelling() {
        assertEquals(Optional.of("3"), GoBuildInfo.xValue("-X a/dockerversion.Version=1 --X=a/dockerversion.Version=2 "
                + "'-X' 'b/dockerversion.Version=3' -X other.Version=4", "/dockerversion.Version"));
        assertEquals(Optional.of("1 2"), GoBuildInfo.xValue("-X \"x/dockerversion.Version=1 2\"", "/dockerversion.Version"));
        assertEquals(Optional.empty(), GoBuildInfo.xValue("-X \"x/dockerversion.Version=1", "/dockerversion.Version"),
                "an unterminated quote: the Go tool refuses it, so nothing is read");
        assertEquals(Optional.empty(), GoBuildInfo.xValue("-X", "/dockerversion.Version"));
    }

    @Test
    void goQuotingIsUndone() {
        assertEquals(Optional.of("a\tb\"c\\d\u00e9\u263a\n"), GoQuoted.unquote("\"a\\tb\\\"c\\\\d\\u00e9\\U0000263a\\n\""));
        assertEquals(Optional.of("A"), GoQuoted.unquote("\"\\x41\""));
        assertEquals(Optional.empty(), GoQuoted.unquote("\"\\x4\""));
        assertEquals(Optional.empty(), GoQuoted.unquote("\"\\q\""));
        assertEquals(Optional.empty(), GoQuoted.unquote("\"a\"b\""));
        assertEquals(Optional.empty(), GoQuoted.unquote("\"a\\\""));
        assertEquals(Optional.empty(), GoQuoted.unquote("\"\\U0011ffff\""));
        assertEquals(Optional.empty(), GoQuoted.unquote("\"\\xff\""), "a raw byte, no character");
        assertEquals(Optional.empty(), GoQuoted.unquote("\"\\ud800\""), "a surrogate, which Go refuses");
    }

    @Test
    void filesWithoutTheRecordGiveNothing() throws Exception {
        String flags = "build\t-ldflags=" + DOCKER_FLAGS;
        Path script = Files.writeString(dir.resolve("dockerd"), "#!/bin/sh\necho Docker version 99.0.0\n");
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(script, "/dockerversion.Version"));
        Path otherSection = elf(buildInfo("go1.19.8", modInfo(flags)), ".rodata");
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(otherSection, "/dockerversion.Version"));
        byte[] oldFormat = buildInfo("go1.17", modInfo(flags));
        oldFormat[15] = 0; // Go before 1.18: pointers into the data, not inline strings
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(elf(oldFormat, ".go.buildinfo"), "/dockerversion.Version"));
        Path noFlags = elf(buildInfo("go1.22.0", modInfo("build\t-compiler=gc")), ".go.buildinfo");
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(noFlags, "/dockerversion.Version"));
        Path noVersion = elf(buildInfo("go1.22.0", modInfo("build\t-ldflags=\"-X a/dockerversion.Version=dev\"")),
                ".go.buildinfo");
        assertEquals(Optional.of("dev"), GoBuildInfo.linkerValue(noVersion, "/dockerversion.Version"));
        assertEquals(Optional.empty(), InstalledVersions.recorded("dockerd", noVersion), "no x.y.z: ask the daemon");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void truncatedAndHostileFilesGiveNothing() throws Exception {
        byte[] good = Files.readAllBytes(elf(buildInfo("go1.19.8", modInfo("build\t-ldflags=" + DOCKER_FLAGS)),
                ".go.buildinfo"));
        for (int cut : new int[] {0, 10, 63, 64, 200, good.length - 1}) {
            Path f = Files.write(dir.resolve("cut" + cut), java.util.Arrays.copyOf(good, cut));
            assertEquals(Optional.empty(), GoBuildInfo.linkerValue(f, "/dockerversion.Version"), "cut at " + cut);
        }
        byte[] hugeLength = buildInfo("go1.19.8", modInfo("build\t-ldflags=" + DOCKER_FLAGS));
        hugeLength[32] = (byte) 0xff; // a varint that runs past the section
        hugeLength[33] = (byte) 0xff;
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(elf(hugeLength, ".go.buildinfo"), "/dockerversion.Version"));
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 0x7f;
        junk[1] = 'E';
        junk[2] = 'L';
        junk[3] = 'F';
        junk[4] = 2;
        junk[5] = 1;
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(Files.write(dir.resolve("junk"), junk), "/x.Version"));
        ByteBuffer hugeTable = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        hugeTable.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        hugeTable.putLong(0x28, 64).putShort(0x3A, (short) 0xFFFF).putShort(0x3C, (short) 0x7FFF).putShort(0x3E, (short) 1);
        Path table = Files.write(dir.resolve("huge-table"), hugeTable.array());
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(table, "/x.Version"), "2 GB of section headers claimed");
        Path fifo = dir.resolve("fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(fifo, "/x.Version"), "a FIFO: not opened, so no wait");
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(dir.resolve("missing"), "/x.Version"));
        assertEquals(Optional.empty(), GoBuildInfo.linkerValue(dir, "/x.Version"), "a directory");
    }

    /** Go 1.18's inline format: magic, pointer size, flags (2), padding to 32, then two varint-prefixed strings. */
    private static byte[] buildInfo(String goVersion, String modInfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
        out.write(8);
        out.write(2);
        out.writeBytes(new byte[16]);
        for (String s : new String[] {goVersion, modInfo}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            for (int n = b.length; ; n >>>= 7) { // uvarint
                if (n < 0x80) {
                    out.write(n);
                    break;
                }
                out.write((n & 0x7f) | 0x80);
            }
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /** The module information text between Go's 16-byte sentinels, as the linker writes it. */
    private static String modInfo(String... lines) {
        String sentinel = "0w\u00af\u000c\u0092t\u0008\u0002A\u00e1\u00c1\u0007\u00e6\u00d6\u0018\u00e6";
        return sentinel + "path\tgithub.com/docker/docker/cmd/dockerd\n" + String.join("\n", lines) + "\n" + sentinel;
    }

    /** A minimal ELF64 little-endian file: header, the section's bytes, a name table, three section headers. */
    private Path elf(byte[] section, String name) throws Exception {
        byte[] names = ("\0" + name + "\0.shstrtab\0").getBytes(StandardCharsets.US_ASCII);
        int sectionAt = 64;
        int namesAt = sectionAt + section.length;
        int headersAt = (namesAt + names.length + 7) & ~7;
        ByteBuffer b = ByteBuffer.allocate(headersAt + 3 * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(0x10, (short) 2).putShort(0x12, (short) 62).putInt(0x14, 1);
        b.putLong(0x28, headersAt).putShort(0x34, (short) 64).putShort(0x3A, (short) 64);
        b.putShort(0x3C, (short) 3).putShort(0x3E, (short) 2);
        b.put(sectionAt, section);
        b.put(namesAt, names);
        sectionHeader(b, headersAt + 64, 1, sectionAt, section.length);
        sectionHeader(b, headersAt + 128, 2 + name.length(), namesAt, names.length);
        Path f = dir.resolve("elf-" + System.nanoTime());
        return Files.write(f, b.array());
    }

    private static void sectionHeader(ByteBuffer b, int at, int nameOffset, long offset, long size) {
        b.putInt(at, nameOffset).putInt(at + 4, 1).putLong(at + 0x18, offset).putLong(at + 0x20, size);
    }
}
