package dev.certsd.oneanswer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.HostScanner;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.Verdict;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.Outcome;
import dev.certsd.fix.Fix;
import dev.certsd.fix.FixKind;
import dev.certsd.fix.HostAnswer;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.details.Details;
import dev.certsd.ui.details.DetailsBuilder;
import dev.certsd.ui.workspace.BadgeLook;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.VerdictLook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases a newcomer met on the sample root, each as the engine answers it and as the window shows it. */
class NewcomerCasesTest {
    @TempDir
    Path data;
    Path sample;
    private final UiText text = new UiText(Locale.ENGLISH);
    private final Messages messages = new Messages(Locale.ENGLISH);

    @BeforeEach
    void sampleRoot() throws IOException {
        sample = new SampleRoot(Clock.systemUTC()).generate(data);
    }

    private HostReport scan(String dir, Client client) {
        MachineOptions machine = MachineOptions.of(data.resolve("none.json"), data.resolve("no-hosts"));
        return new HostScanner(machine.lenientScanOptions(CertsRoot.custom(sample, client))).scan(sample.resolve(dir));
    }

    @Test
    void aDerCaLoadsButFailsLaterInTheTreeAndTheBanner() {
        HostReport h = scan("der-ca.example.com", Client.DOCKER);
        Verdict v = h.verdict();
        assertEquals(Verdict.Level.FAILS_LATER, v.level());
        VerdictLook look = new VerdictLook(text);
        assertEquals("loads, but fails later: 1 error", look.shortText(v));
        Details d = new DetailsBuilder(text, messages, Clock.systemUTC()).build(new Node.HostNode(
                CertsRoot.custom(sample, Client.DOCKER), h));
        assertEquals(Details.Tone.WARNING, d.banner().tone());
        assertTrue(d.banner().text().startsWith("Loads, but fails later"), d.banner().text());
        assertTrue(h.hasErrors());
    }

    @Test
    void theOrphanKeysCertificateInClientPemIsAdvisedAsClientCertAndRenamedSo() throws Exception {
        HostReport h = scan("orphan-key.example.com", Client.DOCKER);
        Finding ignored = h.findings().stream().filter(f -> f.code() == FindingCode.IGNORED_CERTIFICATE_FILE)
                .findFirst().orElseThrow();
        assertEquals(List.of("client.cert"), ignored.args());
        assertTrue(messages.render(ignored, "").endsWith("rename it to client.cert."), messages.render(ignored, ""));

        HostAnswer answer = HostAnswer.of(h);
        HostAnswer.Advice orphan = answer.findings().stream()
                .filter(a -> a.finding().code() == FindingCode.ORPHAN_KEY).findFirst().orElseThrow();
        assertEquals(List.of(FixKind.RENAME, FixKind.SET_ASIDE, FixKind.REMOVE),
                orphan.fixes().stream().map(Fix::kind).toList());
        Fix rename = orphan.fixes().get(0);
        assertEquals("Rename client.pem to client.cert, the name the client reads it by.",
                rename.description().render(Locale.ENGLISH));

        FileChanges files = new FileChanges(Journal.open(data.resolve("journal")), data);
        assertInstanceOf(Outcome.Done.class, files.apply(rename.plan()));
        HostReport after = scan("orphan-key.example.com", Client.DOCKER);
        assertEquals(Verdict.Level.OK, after.verdict().level(), after.findings().toString());
        assertEquals(List.of("client.cert"), after.load().pairs());
        assertTrue(Files.exists(sample.resolve("orphan-key.example.com").resolve("client.cert")));
    }

    @Test
    void badgesSayWhatAMisnamedFileHolds() {
        HostReport caAsCert = scan("ca-saved-as-cert.example.com", Client.DOCKER);
        assertEquals(Set.of(Badge.CA_SAVED_AS_CERT), caAsCert.files().get(0).badges());
        HostReport clientAsCrt = scan("client-saved-as-crt.example.com", Client.CONTAINERS);
        assertEquals(Set.of(Badge.CLIENT_CERT_SAVED_AS_CRT), clientAsCrt.files().stream()
                .filter(f -> f.name().equals("client.crt")).findFirst().orElseThrow().badges());
        assertEquals("CA saved as .cert", text.get(BadgeLook.of(Badge.CA_SAVED_AS_CERT).textKey()));
        assertEquals("client cert saved as .crt", text.get(BadgeLook.of(Badge.CLIENT_CERT_SAVED_AS_CRT).textKey()));
    }
}
