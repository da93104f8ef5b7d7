package dev.certsd.ui.shell;

import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** View › Language: the system's language, English or Japanese; the choice applies at once and is remembered. */
final class LanguageMenu {
    private LanguageMenu() {
    }

    static Menu of(UiText text, Language current, Consumer<Language> choose) {
        Menu menu = new Menu(text.get("menu.language"), Icons.of("mdi2t-translate"));
        menu.setId("menu-language");
        ToggleGroup group = new ToggleGroup();
        for (Language l : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(l == Language.SYSTEM
                    ? text.fmt(l.textKey(), text.get(Language.fromLocale(l.locale()).textKey()))
                    : text.get(l.textKey()));
            item.setId("language-" + l.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(l == current);
            item.setOnAction(e -> choose.accept(l));
            menu.getItems().add(item);
        }
        return menu;
    }
}
