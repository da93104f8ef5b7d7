package dev.certsd.ui.wizard.setup;

import dev.certsd.plan.NewHostDirectory;
import dev.certsd.plan.Planned;
import dev.certsd.plan.Plans;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.Fields;
import dev.certsd.ui.wizard.TargetModel;
import dev.certsd.ui.wizard.TargetPage;
import dev.certsd.ui.wizard.WizardContext;
import dev.certsd.ui.wizard.WizardPage;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.wizard.ca.CaImportModel;
import dev.certsd.ui.wizard.ca.CaImportWizard;
import dev.certsd.ui.wizard.client.ClientWizard;
import dev.certsd.ui.wizard.client.ClientWizardModel.Way;
import dev.certsd.ui.wizard.client.ClientWizardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The guided setup, "I need to pull from registry X", in one window: the registry and where its directory goes
 * (a root per client), how its certificate is trusted (a CA from a file, the server or Harbor, or a public CA:
 * nothing to add), the client certificate (none, self-signed, signed by your CA, or a request for your CA), a
 * review, one apply (one undo), and a connection test with its answer, a way on when it fails. It is made of the
 * single-step wizards' pages and engine pieces; those wizards remain for single steps.
 */
public final class SetupWizard {
    /** How the registry's certificate is trusted. */
    enum Trust { IMPORT, PUBLIC }

    /** Which client certificate, if any: none, or one of the client wizard's ways. */
    enum ClientChoice { NONE, SELF_SIGNED, SIGNED_BY_CA, REQUEST }

    private SetupWizard() {
    }

    public static WizardWindow open(WizardContext w, TargetModel target) {
        UiText text = w.text();
        CaImportModel ca = new CaImportModel(target, w.background(), text, w.clock(), w.probes()::options);
        ClientWizardModel client = new ClientWizardModel(target, w.background(), text, w.clock(), w.pending());
        ObjectProperty<Trust> trust = new SimpleObjectProperty<>(Trust.IMPORT);
        ObjectProperty<ClientChoice> way = new SimpleObjectProperty<>(ClientChoice.SIGNED_BY_CA);
        way.addListener((o, a, c) -> {
            if (c != ClientChoice.NONE) {
                client.wayProperty().set(Way.valueOf(c.name()));
            }
        });
        client.wayProperty().set(Way.SIGNED_BY_CA);
        ApplyViewModel apply = w.applyModel(p -> target.hostDir());
        SetupCheck check = new SetupCheck(w, target, apply, text);
        List<WizardPage> pages = List.of(
                TargetPage.page(target, text, text.get("wizard.setup.targetIntro")),
                choicePage(text, "wizard.setup.page.trust", "wizard.setup.trustIntro", "setup-trust", trust,
                        Trust.values()),
                CaImportWizard.sourcePage(ca, text, w.copy()).onEnter(ca::suggestName)
                        .when(() -> trust.get() == Trust.IMPORT),
                choicePage(text, "wizard.setup.page.client", "wizard.setup.clientIntro", "setup-client", way,
                        ClientChoice.values()),
                ClientWizard.detailsPage(client, text).onEnter(client.pair()::check)
                        .when(() -> way.get() != ClientChoice.NONE),
                ClientWizard.caPage(client, text).when(() -> way.get() == ClientChoice.SIGNED_BY_CA),
                ClientWizard.csrPage(client, text).when(() -> way.get() == ClientChoice.REQUEST),
                w.applyPage(apply, () -> planner(target, ca, client, trust.get(), way.get()),
                        null, check.view()));
        WizardWindow window = w.window("wizard-setup", text.get("wizard.setup.title"), pages, apply);
        window.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            ca.cancel();
            check.cancel();
        });
        return window;
    }

    /** The directory (when missing), the CA, the client pair: planned one after the other, applied as one. */
    static ApplyViewModel.Planner planner(TargetModel target, CaImportModel ca, ClientWizardModel client,
                                          Trust trust, ClientChoice way) {
        List<ApplyViewModel.Planner> parts = new ArrayList<>();
        var registry = target.registry();
        var host = target.targetProperty().get();
        parts.add((c, p) -> NewHostDirectory.plan(registry, List.of(host)));
        if (trust == Trust.IMPORT) {
            parts.add(ca.planner());
        }
        if (way != ClientChoice.NONE) {
            parts.add(client.planner());
        }
        return (cancel, progress) -> {
            List<Planned> planned = new ArrayList<>();
            for (ApplyViewModel.Planner part : parts) {
                part.plan(cancel, progress).ifPresent(planned::add);
            }
            return planned.isEmpty() ? Optional.empty()
                    : Optional.of(Plans.combine(Plans.setupDescription(host.dirName()), planned));
        };
    }

    private static <E extends Enum<E>> WizardPage choicePage(UiText text, String title, String intro, String id,
                                                             ObjectProperty<E> value, E[] choices) {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(14, Fields.paragraph(text.get(intro)));
        RadioButton first = null;
        for (E c : choices) {
            RadioButton b = new RadioButton(text.get(id.replace('-', '.') + "." + c.name()));
            b.setId(id + "-" + c.name());
            b.setWrapText(true);
            b.setToggleGroup(group);
            b.setUserData(c);
            b.setSelected(value.get() == c);
            b.getStyleClass().add("way-choice");
            Label why = Fields.paragraph(text.get(id.replace('-', '.') + "." + c.name() + ".explain"));
            why.getStyleClass().add("field-note");
            why.setPadding(new Insets(0, 0, 0, 26));
            box.getChildren().add(new VBox(4, b, why));
            first = first == null || b.isSelected() ? b : first;
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                @SuppressWarnings("unchecked")
                E chosen = (E) t.getUserData();
                value.set(chosen);
            }
        });
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get(title), box, Bindings.isNotNull(group.selectedToggleProperty()), first);
    }
}
