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
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SplitPane;

/**
 * The window's centre once there is a root: the tree on the left, the details above the findings on the right.
 * After a scan each part catches up in its own frame ({@link FrameSchedule}); the signature check of "issued by"
 * runs off the FX thread, and the details show it when it is known.
 */
final class Workspace {
    private final SplitPane main = new SplitPane();
    private final SplitPane right = new SplitPane();
    private final RootsTreeView tree;
    private final FindingsView findings;

    Workspace(RootsViewModel roots, UiText text, Messages messages, Clock clock, ContextMenu treeMenu,
              ChangeActions changes) {
        tree = new RootsTreeView(roots, text, messages, treeMenu);
        changes.installDeleteKey(tree.view());
        DetailsViewModel detailsModel = new DetailsViewModel(roots, new DetailsBuilder(text, messages, clock),
                FrameSchedule.details(), DetailsViewModel.signatureThread(), Platform::runLater);
        DetailsView details = new DetailsView(detailsModel, text, changes::fix);
        FindingsViewModel findingsModel = new FindingsViewModel(roots, messages, FrameSchedule.findings());
        findings = new FindingsView(findingsModel, text, changes::fix);

        main.setId("workspace");
        right.setOrientation(Orientation.VERTICAL);
        right.getItems().addAll(details.view(), findings.view());
        main.getItems().addAll(tree.view(), right);
        SplitPane.setResizableWithParent(tree.view(), false);
    }

    SplitPane view() {
        return main;
    }

    RootsTreeView tree() {
        return tree;
    }

    FindingsView findings() {
        return findings;
    }

    /** Where the tree ends and where the findings begin, as remembered in the settings. */
    void placeDividers(double tree, double findings) {
        main.setDividerPositions(tree);
        right.setDividerPositions(findings);
    }

    /** {@code settings} with where the dividers are now, once they are laid out. */
    Settings rememberDividers(Settings settings) {
        if (main.getDividers().isEmpty() || right.getDividers().isEmpty()) {
            return settings;
        }
        return settings.withDividers(main.getDividerPositions()[0], right.getDividerPositions()[0]);
    }
}
