package dev.certsd.ui.shell;

import dev.certsd.roots.Client;
import dev.certsd.roots.ClientGuess;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Add folder's question: which client reads this folder? The answer the path suggests is chosen already. */
final class ClientQuestion {
    private ClientQuestion() {
    }

    /** The dialog, not shown yet; its result is the client chosen, or null when cancelled. */
    static Dialog<Client> dialog(Window owner, UiText text, Path folder) {
        Dialog<Client> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(text.get("root.ask.title"));
        d.setHeaderText(text.get("root.ask.header"));
        ButtonType add = new ButtonType(text.get("root.ask.add"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(add, cancel);
        d.getDialogPane().setId("root-ask");
        d.getDialogPane().lookupButton(add).setId("root-ask-add");
        Label path = DataNodes.mark(new Label(folder.toString()));
        path.setId("root-ask-path");
        path.setWrapText(true);
        path.setMinHeight(Region.USE_PREF_SIZE);
        Client guess = ClientGuess.of(folder);
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(8, path);
        for (Client c : Client.values()) {
            RadioButton r = new RadioButton(text.get("client." + c.name()));
            r.setId("root-ask-" + c.name());
            r.setUserData(c);
            r.setToggleGroup(group);
            r.setSelected(c == guess);
            box.getChildren().add(r);
        }
        Label hint = new Label(text.get("root.ask.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        box.getChildren().add(hint);
        box.setPrefWidth(480);
        d.getDialogPane().setContent(box);
        d.setResultConverter(b -> b == add ? (Client) group.getSelectedToggle().getUserData() : null);
        return d;
    }

    static Optional<Client> ask(Window owner, UiText text, Path folder) {
        return dialog(owner, text, folder).showAndWait();
    }
}
