package dev.certsd.diagnose;

import static dev.certsd.diagnose.FindingFixtures.DIR;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FindingFixtures.Case;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding code has a positive fixture (a healthy directory changed in one respect: the finding appears)
 * and a negative one (the healthy directory, or the same change done right: no finding at all).
 */
class FindingFixturesTest {
    /** Codes that need an unprivileged user or a whole root: tested in UnprivilegedReadTest and below. */
    private static final Set<FindingCode> COVERED_ELSEWHERE = EnumSet.of(FindingCode.UNREADABLE_FILE,
            FindingCode.UNREADABLE_DIRECTORY, FindingCode.STRAY_FILE_IN_ROOT);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.certsd.diagnose.FindingFixtures#cases")
    void positiveFixtureShowsTheFinding(Case c, @TempDir Path root) throws Exception {
        Path dir = root.resolve(c.positiveDir());
        c.positive().apply(dir);
        HostReport r = new HostScanner(Fixtures.options(c.client())).scan(dir);
        assertTrue(r.findings().stream().anyMatch(f -> f.code() == c.code()),
                () -> c.code() + " expected, got " + codes(r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.certsd.diagnose.FindingFixtures#cases")
    void negativeFixtureIsClean(Case c, @TempDir Path root) throws Exception {
        Path dir = root.resolve(c.negativeDir());
        c.negative().apply(dir);
        HostReport r = new HostScanner(Fixtures.options(c.client())).scan(dir);
        List<FindingCode> unexpected = r.findings().stream().map(Finding::code)
                .filter(code -> !c.tolerated().contains(code)).toList();
        assertEquals(List.of(), unexpected, () -> "the negative fixture of " + c.code() + " should be clean");
        assertEquals(null, r.configError());
    }

    @Test
    void everyCodeHasAFixture() {
        Set<FindingCode> covered = FindingFixtures.cases().map(Case::code).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(FindingCode.class)));
        covered.addAll(COVERED_ELSEWHERE);
        assertEquals(EnumSet.allOf(FindingCode.class), covered);
    }

    @Test
    void aFileDirectlyInTheRootIsReported(@TempDir Path root) throws IOException {
        Fixtures.healthy(root.resolve(DIR));
        write(root, "ca.crt", SERVER_CA.certPem());
        RootReport r = new RootScanner(Fixtures.options(Client.DOCKER)).scan(CertsRoot.custom(root, Client.DOCKER), List.of());
        assertEquals(List.of(FindingCode.STRAY_FILE_IN_ROOT), r.findings().stream().map(Finding::code).toList());
        assertEquals(List.of(), r.hosts().get(0).findings());
    }

    @Test
    void aRootWithOnlyHostDirectoriesHasNoRootFindings(@TempDir Path root) throws IOException {
        Fixtures.healthy(root.resolve(DIR));
        RootReport r = new RootScanner(Fixtures.options(Client.DOCKER)).scan(CertsRoot.custom(root, Client.DOCKER), List.of());
        assertEquals(List.of(), r.findings());
    }

    static String codes(HostReport r) {
        return r.findings().stream().map(f -> f.code() + "(" + f.file() + ")").collect(Collectors.joining(", "));
    }
}
