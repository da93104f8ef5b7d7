package dev.certsd.ui.work;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs work where it is asked for, so a test sees the result as soon as the call returns. */
final class SameThreadBackground implements Background {
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return;
        }
        done.accept(result);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }
}
