package dev.certsd.ui.shell;

import dev.certsd.diagnose.Messages;
import dev.certsd.ui.UiText;
import dev.certsd.ui.changes.ChangeActions;
import dev.certsd.ui.details.DetailsBuilder;
import dev.certsd.ui.details.DetailsView;
import dev.certsd.ui.details.DetailsViewModel;
import dev.certsd.ui.findings.FindingsView;
import dev.certsd.ui.findings.FindingsViewModel;
import dev.certsd.ui.work.FrameSchedule;
import dev.certsd.ui.workspace.RootsTreeView;
import dev.certsd.ui.workspace.RootsViewModel;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SplitPane;

/**
 * The window's centre once there is a root: the tree on the left, the details above the findings on the right.
 * After a scan each part catches up in its own frame ({@link FrameSchedule}); the signature check of "issued by"
 * runs off the FX thread, and the details show it when it is known.
 */
record Workspace(SplitPane view, SplitPane right, RootsTreeView tree, FindingsView findings,
                 ExecutorService signatureChecks) {
    static Workspace of(RootsViewModel roots, UiText text, Messages messages, Clock clock, ContextMenu treeMenu,
                        ChangeActions changes) {
        RootsTreeView tree = new RootsTreeView(roots, text, messages, treeMenu);
        changes.installDeleteKey(tree.view());
        ExecutorService checks = DetailsViewModel.signatureThread();
        DetailsViewModel detailsModel = new DetailsViewModel(roots, new DetailsBuilder(text, messages, clock),
                FrameSchedule.details(), checks, Platform::runLater);
        DetailsView details = new DetailsView(detailsModel, text, changes::fix);
        FindingsViewModel findingsModel = new FindingsViewModel(roots, messages, FrameSchedule.findings());
        FindingsView findings = new FindingsView(findingsModel, text, changes::fix);

        SplitPane main = new SplitPane();
        SplitPane right = new SplitPane();
        main.setId("workspace");
        right.setOrientation(Orientation.VERTICAL);
        right.getItems().addAll(details.view(), findings.view());
        main.getItems().addAll(tree.view(), right);
        SplitPane.setResizableWithParent(tree.view(), false);
        return new Workspace(main, right, tree, findings, checks);
    }

    /** Stops the signature checks' thread: the window is closed, or built again in another language. */
    void close() {
        signatureChecks.shutdownNow();
    }

    /** Where the tree ends and where the findings begin, as remembered in the settings. */
    void placeDividers(double treeDivider, double findingsDivider) {
        view.setDividerPositions(treeDivider);
        right.setDividerPositions(findingsDivider);
    }

    /** {@code settings} with where the dividers are now, once they are laid out. */
    Settings rememberDividers(Settings settings) {
        if (view.getDividers().isEmpty() || right.getDividers().isEmpty()) {
            return settings;
        }
        return settings.withDividers(view.getDividerPositions()[0], right.getDividerPositions()[0]);
    }
}
