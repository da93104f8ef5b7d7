package dev.certsd.ui.fleet;

import dev.certsd.remote.SshSettings;
import dev.certsd.ui.UiText;
import dev.certsd.ui.compare.CompareWindow;
import dev.certsd.ui.work.Background;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/** The File menu's way beyond this machine: a remote machine, the fleet of an inventory, a comparison. */
public final class FleetMenu {
    private FleetMenu() {
    }

    /**
     * Adds the items before the menu's last separator (above Quit).
     *
     * @param roots the window's roots, as paths: Compare… starts with the first two
     */
    public static void install(Menu file, Background background, UiText text, Window owner,
                               Supplier<List<String>> roots) {
        MenuItem remote = new MenuItem(text.get("action.addRemote"));
        remote.setId("add-remote");
        remote.setOnAction(e -> {
            FleetWindow w = new FleetWindow(background, text, SshSettings.ofThisUser(), owner);
            w.show();
            w.stage().setTitle(text.get("remote.title"));
            javafx.application.Platform.runLater(() ->
                    ((javafx.scene.control.Button) w.stage().getScene().lookup("#fleet-add-machine")).fire());
        });
        MenuItem fleet = new MenuItem(text.get("action.fleet"));
        fleet.setId("open-fleet");
        fleet.setOnAction(e -> new FleetWindow(background, text, SshSettings.ofThisUser(), owner).show());
        MenuItem compare = new MenuItem(text.get("action.compare"));
        compare.setId("open-compare");
        compare.setOnAction(e -> {
            CompareWindow w = new CompareWindow(background, text, SshSettings.ofThisUser(), owner);
            List<String> r = roots.get();
            w.show();
            if (r.size() >= 2) {
                w.compare(r.get(0), r.get(1));
            }
        });
        int at = file.getItems().size();
        for (int i = file.getItems().size() - 1; i >= 0; i--) {
            if (file.getItems().get(i) instanceof SeparatorMenuItem) {
                at = i;
                break;
            }
        }
        file.getItems().addAll(at, List.of(new SeparatorMenuItem(), remote, fleet, compare));
    }
}
