package dev.certsd.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.ChangeWatcher;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.work.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetailsBuilderTest {
    // TestPki dates its CAs from the real clock, so the scan's fixed clock starts there; X.509 keeps whole seconds
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    @TempDir
    Path root;
    private RootsViewModel roots;
    private DetailsViewModel details;

    @BeforeEach
    void setUp() {
        TestPki.Issued ca = TestPki.cert("CN=Reg CA").ca().build();
        TestPki.Issued client = TestPki.cert("CN=me").keys(TestPki.ec(1)).issuer(ca).clientAuth()
                .validity(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(40))).build();
        TestPki.write(root.resolve("reg:5000"), "ca.crt", ca.certPem());
        TestPki.pair(root.resolve("reg:5000"), "client", client);
        TestPki.write(root.resolve("broken"), "lonely.key", TestPki.pkcs8Pem(TestPki.ec(2).getPrivate()));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, clock, 30,
                InsecureRegistries.defaults(HostsFileResolver.of(root.resolve("none"))), false, 1 << 20);
        UiText text = new UiText(Locale.ENGLISH);
        roots = new RootsViewModel(() -> List.of(CertsRoot.custom(root, Client.DOCKER)), List.of(), r -> options,
                Background.sameThread(), ChangeWatcher.none(), () -> root, text);
        details = new DetailsViewModel(roots, new DetailsBuilder(text, new Messages(Locale.ENGLISH), clock));
        roots.start();
    }

    @Test
    void aClientCertificateShowsItsDecodedFieldsDaysLeftAndItsPartners() {
        roots.selectedKeyProperty().set(NodeKey.ofFile(root, "reg:5000", "client.cert"));
        Details d = details.detailsProperty().get();
        assertEquals("client.cert", d.title());
        assertEquals("CN=me", d.value("Subject"));
        assertEquals("CN=Reg CA", d.value("Issuer"));
        assertTrue(d.value("Valid until").endsWith("(40 days left)"), d.value("Valid until"));
        assertEquals("EC 256", d.value("Public key"));
        assertEquals("clientAuth", d.value("Extended key usage"));
        assertEquals("belongs with client.key: the key matches the certificate", d.value("Pair"));
        assertEquals("ca.crt in this directory (signature verified)", d.value("Issued by"));
        assertEquals("2 of 3", d.value("Load order"));
    }

    @Test
    void theSignatureOfIssuedByIsCheckedOffTheFxThreadAndShownWhenKnown() {
        // a client certificate that names the CA's key identifier but was signed by another key
        TestPki.Issued ca = TestPki.cert("CN=Forged CA").ca().keyIds().build();
        TestPki.Issued signer = TestPki.cert("CN=Forged CA").keys(TestPki.ec(5)).ca().keyIds().build();
        TestPki.Issued forged = TestPki.cert("CN=forged").keys(TestPki.ec(6)).issuer(signer).clientAuth()
                .claimedAuthorityKeyId(dev.certsd.material.KeyIdentifiers.of(ca.cert()).subject()).build();
        Path other = root.resolve("other-root"); // a root of its own: no other view model checks it first
        TestPki.write(other.resolve("forged"), "ca.crt", ca.certPem());
        TestPki.pair(other.resolve("forged"), "client", forged);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, clock, 30,
                InsecureRegistries.defaults(HostsFileResolver.of(root.resolve("none"))), false, 1 << 20);
        UiText text = new UiText(Locale.ENGLISH);
        RootsViewModel otherRoots = new RootsViewModel(() -> List.of(CertsRoot.custom(other, Client.DOCKER)),
                List.of(), r -> options, Background.sameThread(), ChangeWatcher.none(), () -> other, text);
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        java.util.List<Runnable> backOnFx = new java.util.ArrayList<>();
        DetailsViewModel held = new DetailsViewModel(otherRoots, new DetailsBuilder(text,
                new Messages(Locale.ENGLISH), clock), Runnable::run, queued::add, backOnFx::add);
        otherRoots.start();
        otherRoots.selectedKeyProperty().set(NodeKey.ofFile(other, "forged", "client.cert"));
        assertEquals("ca.crt in this directory (checking the signature...)",
                held.detailsProperty().get().value("Issued by"));
        assertEquals(1, queued.size(), "one check queued for the worker");
        queued.forEach(Runnable::run);
        assertEquals("ca.crt in this directory (checking the signature...)",
                held.detailsProperty().get().value("Issued by"), "the worker does not touch the details");
        backOnFx.forEach(Runnable::run);
        assertEquals("ca.crt in this directory by name and key identifier, but its signature does not verify with "
                + "that key", held.detailsProperty().get().value("Issued by"));
    }

    @Test
    void aCaSaysItIsLoadedAndWhatItIssued() {
        roots.selectedKeyProperty().set(NodeKey.ofFile(root, "reg:5000", "ca.crt"));
        Details d = details.detailsProperty().get();
        assertEquals("loaded as a CA", d.value("Trust"));
        assertEquals("client.cert", d.value("Issued"));
        assertEquals("yes (may issue certificates)", d.value("CA"));
    }

    @Test
    void aHostShowsTheClientsVerdictAndItsPairsInLoadOrder() {
        roots.selectedKeyProperty().set(NodeKey.ofHost(root, "broken"));
        Details d = details.detailsProperty().get();
        assertEquals(Details.Tone.DANGER, d.banner().tone());
        assertTrue(d.banner().text().contains("missing client certificate lonely.cert for key lonely.key"),
                d.banner().text());
        roots.selectedKeyProperty().set(NodeKey.ofHost(root, "reg:5000"));
        d = details.detailsProperty().get();
        assertEquals(Details.Tone.SUCCESS, d.banner().tone());
        assertEquals("client.cert + client.key", d.value("1"));
        assertEquals("CN=Reg CA", d.value("ca.crt"));
    }

    @Test
    void aKeyWithoutCertificateSaysWhatIsMissingAndListsTheFinding() {
        roots.selectedKeyProperty().set(NodeKey.ofFile(root, "broken", "lonely.key"));
        Details d = details.detailsProperty().get();
        assertEquals("lonely.cert is missing", d.value("Pair"));
        assertTrue(d.findings().stream().anyMatch(l -> l.text().startsWith("lonely.key has no certificate")));
    }

    @Test
    void aFindingWithASafeFixCarriesItAndDataIsMarkedAsData() {
        roots.selectedKeyProperty().set(NodeKey.ofFile(root, "broken", "lonely.key"));
        Details d = details.detailsProperty().get();
        Details.Line orphan = d.findings().stream().filter(l -> l.text().startsWith("lonely.key has no certificate"))
                .findFirst().orElseThrow();
        assertEquals(List.of("set-aside", "remove"), orphan.fixes().stream().map(f -> f.kind().id()).toList());
        assertTrue(d.titleIsData());
        Details.Row path = d.sections().get(0).rows().stream().filter(r -> r.label().equals("Path")).findFirst()
                .orElseThrow();
        assertTrue(path.valueIsData());
        Details.Row role = d.sections().get(0).rows().stream().filter(r -> r.label().equals("Role")).findFirst()
                .orElseThrow();
        assertTrue(!role.valueIsData() && !role.labelIsData());
        roots.selectedKeyProperty().set(NodeKey.ofRoot(root));
        assertTrue(!details.detailsProperty().get().titleIsData(), "a root is titled in words");
        assertTrue(details.detailsProperty().get().findings().stream().allMatch(l -> l.fixes().isEmpty()));
    }

    @Test
    void theRootSummarySaysHowManyDirectoriesStopTheClient() {
        roots.selectedKeyProperty().set(NodeKey.ofRoot(root));
        Details d = details.detailsProperty().get();
        assertEquals("2", d.value("Registry directories"));
        assertEquals("1", d.value("With errors"));
        assertEquals("1 of 2 registry directories stop the client with an error.", d.banner().text());
    }

    @Test
    void aRegistryContainerdDoesNotVerifySaysSoUnderItsCas() {
        Path croot = root.resolve("containerd");
        TestPki.write(croot.resolve("localhost:5000"), "ca.crt", TestPki.cert("CN=Local CA").ca().build().certPem());
        TestPki.write(croot.resolve("reg.example.com"), "ca.crt", TestPki.cert("CN=Reg CA").ca().build().certPem());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ScanOptions options = new ScanOptions(Client.CONTAINERD, OsFamily.LINUX, clock, 30,
                InsecureRegistries.defaults(HostsFileResolver.of(root.resolve("none"))), false, 1 << 20);
        UiText text = new UiText(Locale.ENGLISH);
        RootsViewModel c = new RootsViewModel(() -> List.of(CertsRoot.custom(croot, Client.CONTAINERD)), List.of(),
                r -> options, Background.sameThread(), ChangeWatcher.none(), () -> croot, text);
        DetailsViewModel d = new DetailsViewModel(c, new DetailsBuilder(text, new Messages(Locale.ENGLISH), clock));
        c.start();
        java.util.function.Function<String, List<String>> labels = dir -> {
            c.selectedKeyProperty().set(NodeKey.ofHost(croot, dir));
            return d.detailsProperty().get().sections().stream().flatMap(sec -> sec.rows().stream())
                    .map(Details.Row::label).toList();
        };
        assertTrue(labels.apply("localhost:5000").contains(text.get("details.host.skipVerify")));
        assertFalse(labels.apply("reg.example.com").contains(text.get("details.host.skipVerify")));
    }
}
