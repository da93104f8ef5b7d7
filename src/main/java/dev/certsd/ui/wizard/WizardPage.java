package dev.certsd.ui.wizard;

import java.util.function.BooleanSupplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * One page of a wizard: its title, its content, whether the user may go on, whether it belongs to the path chosen
 * so far, and what to do when it is shown (the last page starts making the plan there).
 *
 * @param complete  Next is enabled while this holds
 * @param included  false skips the page (e.g. the CA files on the self-signed path)
 * @param entered   run each time the page is shown
 * @param focus     the control that gets the keyboard focus when the page is shown, or null
 */
public record WizardPage(String title, Parent content, ObservableBooleanValue complete, BooleanSupplier included,
                         Runnable entered, Node focus) {

    public static WizardPage of(String title, Parent content, ObservableBooleanValue complete, Node focus) {
        return new WizardPage(title, content, complete, () -> true, () -> { }, focus);
    }

    public WizardPage when(BooleanSupplier condition) {
        return new WizardPage(title, content, complete, condition, entered, focus);
    }

    public WizardPage onEnter(Runnable action) {
        return new WizardPage(title, content, complete, included, action, focus);
    }
}
