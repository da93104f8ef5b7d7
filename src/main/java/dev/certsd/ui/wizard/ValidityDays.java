package dev.certsd.ui.wizard;

import dev.certsd.ui.UiText;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** How many days a certificate is valid, as typed: a whole number from 1 to {@value #MAX_DAYS}, checked as typed. */
public final class ValidityDays {
    public static final int MAX_DAYS = 36500;

    private final StringProperty days;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public ValidityDays(UiText text, int initial) {
        days = new SimpleStringProperty(String.valueOf(initial));
        days.addListener((o, a, b) -> problem.set(value().isPresent() ? "" : text.fmt("wizard.client.days", MAX_DAYS)));
    }

    /** The days typed, when they are a number in range. */
    public Optional<Integer> value() {
        try {
            int d = Integer.parseInt(days.get().strip());
            return d >= 1 && d <= MAX_DAYS ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public StringProperty daysProperty() {
        return days;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
