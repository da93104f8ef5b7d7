package dev.certsd.ui.wizard.launch;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.files.FileChanges;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.probe.ProbeRunner;
import dev.certsd.ui.wizard.WizardContext;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.wizard.ca.CaImportWizard;
import dev.certsd.ui.wizard.client.ClientWizard;
import dev.certsd.ui.wizard.registry.RegistryWizard;
import dev.certsd.ui.wizard.setup.SetupWizard;
import dev.certsd.ui.wizard.signed.ImportSignedWizard;
import dev.certsd.ui.wizard.testpki.TestPkiWizard;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.RootsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Window;

/**
 * Opens the wizards of the main window, each on what is selected in the tree, over one {@link WizardContext} (the
 * roots, the journal, the keys waiting for a CA, how work runs).
 */
public final class Wizards {
    private final WizardContext context;

    /**
     * @param data where the journal ({@code journal/}) and the keys waiting for a CA ({@code pending-keys/}) live
     * @param copy puts text on the clipboard and says so
     */
    public Wizards(RootsViewModel roots, Function<CertsRoot, ScanOptions> scanOptions, Background background,
                   UiText text, Clock clock, Path data, ProbeRunner probes, Window owner, ObservableBooleanValue dark,
                   Consumer<String> copy) {
        context = new WizardContext(roots, scanOptions, background, text, clock, data, probes, owner, dark, copy);
    }

    /** The app's one way to run the helper as administrator (tests replace it: no test can answer the prompt). */
    public void usePrivilegedRunner(PrivilegedRunner e) {
        context.usePrivilegedRunner(e);
    }

    /** Writes through the app's one journal, so Edit › Undo takes back what a wizard wrote. */
    public void useChanges(FileChanges appChanges) {
        context.useChanges(appChanges);
    }

    /** How the setup's "Open the connection test" opens the window of the main window. */
    public void useProbeWindows(BiConsumer<CertsRoot, String> open) {
        context.useProbeWindows(open);
    }

    public WizardWindow newRegistry(Optional<Node> selected) {
        return context.show(RegistryWizard.open(context, selected.map(Wizards::rootOf).orElse(null)));
    }

    public WizardWindow newClient(Optional<Node> selected) {
        return context.show(ClientWizard.open(context, context.target(selected)));
    }

    public WizardWindow importCa(Optional<Node> selected) {
        return context.show(CaImportWizard.open(context, context.target(selected)));
    }

    public WizardWindow testPki(Optional<Node> selected) {
        return context.show(TestPkiWizard.open(context, context.target(selected)));
    }

    /** The guided setup: registry, where, trust, client certificate, review, apply, connection test. */
    public WizardWindow setup(Optional<Node> selected) {
        return context.show(SetupWizard.open(context, context.target(selected)));
    }

    public WizardWindow importSigned() {
        return context.show(ImportSignedWizard.open(context));
    }

    /** The wizard opened last (tests look into it). */
    public WizardWindow last() {
        return context.last();
    }

    private static CertsRoot rootOf(Node n) {
        if (n instanceof Node.RootNode r) {
            return r.model().root();
        }
        return n instanceof Node.HostNode h ? h.root() : ((Node.FileNode) n).root();
    }
}
