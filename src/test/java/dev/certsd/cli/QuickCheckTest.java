package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code check} with plain arguments skips picocli's model ({@link QuickCheck}): every option it sets is the value
 * picocli sets for the same arguments, anything else is left to picocli, and both ways print the same and exit alike.
 */
class QuickCheckTest {
    @TempDir
    Path dir;

    /** Every field of the command and its option groups, as picocli leaves them after parsing {@code args}. */
    private static List<String> picocliParse(String... args) throws Exception {
        CommandLine cl = CertsdCommand.commandLine(args);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        return fields((CheckCommand) parsed.subcommand().commandSpec().userObject());
    }

    private static List<String> fields(CheckCommand c) throws Exception {
        return fields(new Object[] {c, c.rootOptions, c.ssh, c.fleet});
    }

    private static List<String> fields(TestCommand c) throws Exception {
        return fields(new Object[] {c, c.rootOptions});
    }

    private static List<String> fields(Object[] objects) throws Exception {
        List<String> out = new ArrayList<>();
        for (Object o : objects) {
            for (Field f : o.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType() == CommandLine.Model.CommandSpec.class
                        || f.getType() == RootOptions.class || f.getType() == SshOptions.class
                        || f.getType() == FleetOptions.class) {
                    continue;
                }
                f.setAccessible(true);
                out.add(o.getClass().getSimpleName() + "." + f.getName() + "=" + Objects.toString(f.get(o)));
            }
        }
        return out;
    }

    @Test
    void theOptionsSetAreThoseOfPicocli() throws Exception {
        String[][] corpus = {
            {"check"}, {"check", "--json"}, {"check", "--root", "/etc/docker/certs.d"},
            {"check", "--root", "relative/dir", "--json"}, {"check", "--client", "docker@20.10.24", "--root", "r"},
            {"check", "--client", "containerd"}, {"check", "--client", "bogus"},
            {"check", "reg:5000"}, {"check", "a", "--json", "b", "--root", "r", "c"}, {"check", "r/reg:5000/"},
            {"check", "help"}, {"check", "é ü", "check"}, {"check", "--json", "--root", "x y"},
        };
        for (String[] args : corpus) {
            CheckCommand quick = QuickCheck.parse(args);
            assertNotNull(quick, String.join(" ", args));
            assertEquals(picocliParse(args), fields(quick), String.join(" ", args));
        }
    }

    @Test
    void testSetsTheOptionsPicocliSets() throws Exception {
        String[][] corpus = {
            {"test", "reg:5000"}, {"test", "--json", "reg:5000"}, {"test", "reg:5000", "--root", "/etc/docker/certs.d"},
            {"test", "--client", "containerd", "--json", "--root", "x y", "127.0.0.1:5443"}, {"test", "help"},
            {"test", "--client", "docker@20.10.24", "r/reg:5000/"}, {"test", "é ü"},
        };
        for (String[] args : corpus) {
            TestCommand quick = QuickCheck.parseTest(args);
            assertNotNull(quick, String.join(" ", args));
            CommandLine.ParseResult parsed = CertsdCommand.commandLine(args).parseArgs(args);
            assertEquals(fields((TestCommand) parsed.subcommand().commandSpec().userObject()), fields(quick),
                    String.join(" ", args));
        }
        String[][] picocli = {
            {"test"}, {"test", "a", "b"}, {"test", "--timeout", "1", "a"}, {"test", "--endpoint", "https://x", "a"},
            {"test", "--custom-roots-only", "a"}, {"test", "--help"}, {"test", "--json", "--json", "a"},
            {"test", "--root", "r"}, {"test", "--", "a"}, {"test", "@args"}, {"check", "a"}, {"tests", "a"},
        };
        for (String[] args : picocli) {
            assertNull(QuickCheck.parseTest(args), String.join(" ", args));
        }
    }

    /**
     * {@code test} against a port nothing listens on (each attempt refused at once), both ways; and the directories
     * it cannot test, which picocli reports.
     */
    @Test
    void testPrintsTheSameBothWays() throws Exception {
        Path certs = Files.createDirectory(dir.resolve("certs.d"));
        Fixtures.healthy(certs.resolve("127.0.0.1:1"));
        Files.createDirectory(certs.resolve("not a host"));
        String r = certs.toString();
        String[][] corpus = {
            {"test", "--root", r, "127.0.0.1:1"}, {"test", "--json", "--root", r, "127.0.0.1:1"},
            {"test", "--root", r, "--client", "containerd", "127.0.0.1:1"}, {"test", certs.resolve("127.0.0.1:1").toString()},
        };
        for (String[] args : corpus) {
            assertBothWaysAlike(args);
        }
        String[][] failing = {
            {"test", "--root", dir.resolve("missing").toString(), "127.0.0.1:1"}, {"test", "--root", r, "no-such:1"},
            {"test", "--root", r, "--client", "bogus", "127.0.0.1:1"}, {"test", "--root", r, "not a host"},
        };
        for (String[] args : failing) {
            assertReportedByPicocli(args);
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        String[][] corpus = {
            {}, {"test"}, {"check", "--help"}, {"check", "-h"}, {"check", "-V"}, {"check", "--root=x"},
            {"check", "--json", "--json"}, {"check", "--root", "a", "--root", "b"}, {"check", "--root"},
            {"check", "--root", "-x"}, {"check", "--root", ""}, {"check", "--client"}, {"check", "@args"},
            {"check", ""}, {"check", "--"}, {"check", "--", "x"}, {"check", "-"}, {"check", "--ssh", "m"},
            {"check", "--inventory", "f"}, {"check", "--expiring-days", "5"}, {"check", "--daemon-json", "f"},
            {"check", "--hosts-file", "f"}, {"check", "--os", "linux"}, {"check", "--json=true"},
            {"check", "--client", "a", "--client", "b"}, {"check", "--root", "@f"}, {"check", "--JSON"},
        };
        for (String[] args : corpus) {
            assertNull(QuickCheck.parse(args), String.join(" ", args));
        }
        System.setProperty("picocli.trimQuotes", "true"); // picocli would read "--json" as --json
        try {
            assertNull(QuickCheck.parse(new String[] {"check", "\"--json\""}));
            assertNull(QuickCheck.parse(new String[] {"check", "--json"}), "any picocli property: picocli's");
        } finally {
            System.clearProperty("picocli.trimQuotes");
        }
        CertsdCommand.commandLine(); // sets picocli.disable.closures, as any command picocli runs does
        assertEquals("true", System.getProperty("picocli.disable.closures"));
        assertNotNull(QuickCheck.parse(new String[] {"check", "--json"}), "our own property reads no argument");
    }

    @Test
    void bothWaysPrintTheSameAndExitAlike() throws Exception {
        Path certs = Files.createDirectory(dir.resolve("certs.d"));
        Fixtures.healthy(certs.resolve("127.0.0.1:5443"));
        Path broken = Files.createDirectory(certs.resolve("broken:5000"));
        TestPki.write(broken, "client.cert", Fixtures.CLIENT.certPem());
        TestPki.write(broken, "client.key", TestPki.pkcs8Pem(TestPki.ec(4).getPrivate()));
        TestPki.write(broken, "ca.crt", "not a certificate\n");
        String r = certs.toString();
        String[][] corpus = {
            {"check", "--root", r}, {"check", "--root", r, "--json"}, {"check", "--root", r, "broken:5000"},
            {"check", "--json", "--root", r, "127.0.0.1:5443"}, {"check", "--root", r, "--client", "containers"},
            {"check", "--root", r, "--client", "docker@20.10.24", "--json"}, {"check", "--root", r, "--client", "containerd"},
            {"check", broken.toString()},
        };
        for (String[] args : corpus) {
            assertBothWaysAlike(args);
        }
    }

    @Test
    void aFailedScanIsReportedByPicocli() throws Exception {
        String[][] corpus = {
            {"check", "--root", dir.resolve("missing").toString()}, {"check", "--root", dir.toString(), "--client", "bogus"},
            {"check", "--root", dir.toString(), "--client", "docker@x"}, {"check", "/elsewhere/reg:5000", "--root", dir.toString()},
            {"check", "--root", dir.toString(), "no-such-host:1"},
        };
        for (String[] args : corpus) {
            assertReportedByPicocli(args);
        }
    }

    /** Both ways print the same (times aside) and exit alike. */
    private static void assertBothWaysAlike(String[] args) {
        StringWriter quickOut = new StringWriter();
        StringWriter quickErr = new StringWriter();
        Integer quick = QuickCheck.run(args, new PrintWriter(quickOut), new PrintWriter(quickErr));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.runPicocli(args, new PrintWriter(out), new PrintWriter(err));
        String what = String.join(" ", args);
        assertNotNull(quick, what);
        assertEquals(code, quick.intValue(), what);
        assertEquals(withoutTimes(out.toString()), withoutTimes(quickOut.toString()), what);
        assertEquals(err.toString(), quickErr.toString(), what);
    }

    /** The quick way writes nothing and leaves the arguments to picocli, which reports the error (exit code 2). */
    private static void assertReportedByPicocli(String[] args) {
        String what = String.join(" ", args);
        StringWriter quickOut = new StringWriter();
        StringWriter quickErr = new StringWriter();
        assertNull(QuickCheck.run(args, new PrintWriter(quickOut), new PrintWriter(quickErr)), what);
        assertEquals("", quickOut.toString() + quickErr.toString(), "nothing written before picocli runs it");
        StringWriter err = new StringWriter();
        assertEquals(2, CertsdCommand.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err)), what);
        assertEquals(false, err.toString().isEmpty(), what);
    }

    private static String withoutTimes(String s) {
        return withoutScanTime(s).replaceAll("\"millis\" : [0-9]+", "\"millis\" : 0").replaceAll("\\([0-9]+ ms\\)", "(0 ms)");
    }

    private static String withoutScanTime(String s) {
        return s.replaceAll("\"scannedAt\" : \"[^\"]*\"", "\"scannedAt\" : \"\"");
    }
}
