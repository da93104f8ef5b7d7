package dev.certsd.ui.wizard;

import dev.certsd.change.ChangeReport;
import dev.certsd.change.ChangeRunner;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Preview;
import dev.certsd.certs.Cancel;
import dev.certsd.certs.PkiException;
import dev.certsd.plan.Planned;
import dev.certsd.pki.Progress;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The last page of every wizard: makes the plan off the UI thread (progress, Cancel), shows what it would change
 * and the openssl equivalent, applies it through {@link FileChanges} (so it is atomic and undoable), and follows up:
 * the administrator path when a directory needs it, and undo.
 */
public final class ApplyViewModel extends ApplyPageState {
    /** Where the page stands. */
    public enum State {
        IDLE, PLANNING, CANCELLED, PLAN_FAILED, NOTHING_TO_DO, READY, APPLYING, DONE, REFUSED, NEEDS_PRIVILEGE,
        ELEVATING, FAILED, UNDONE
    }

    /** Makes the plan on a worker thread; empty when there is nothing to change. */
    @FunctionalInterface
    public interface Planner {
        Optional<Planned> plan(Cancel cancel, Progress progress) throws Exception;
    }

    private record Made(Planned planned, boolean ready, PlanText words, boolean offerAdministrator) {
    }

    private final Callable<FileChanges> changes;
    private final Background background;
    private final UiText text;
    private final PrivilegedRunner elevation;
    private final List<Consumer<Planned>> onDone = new ArrayList<>();

    private long generation;
    private Cancel cancel;
    /** The change as applied (or waiting for an administrator), once applied. */
    private ChangeReport report;

    public ApplyViewModel(Callable<FileChanges> changes, Background background, UiText text, PrivilegedRunner elevation) {
        this.changes = changes;
        this.background = background;
        this.text = text;
        this.elevation = elevation;
    }

    /** Called on the UI thread after the files changed (applied, or applied as administrator). */
    public void onDone(Consumer<Planned> action) {
        onDone.add(action);
    }

    /** Makes the plan off the UI thread; an earlier plan still being made is cancelled and forgotten. */
    public void prepare(Planner planner) {
        reset();
        long run = generation;
        Cancel c = new Cancel();
        cancel = c;
        state.set(State.PLANNING);
        progressText.set(text.get("wizard.apply.planning"));
        Progress report = (done, total, now) -> background.onUi(() -> {
            if (run == generation) {
                // nothing done yet: moving (indeterminate), not a bar stuck at zero while the first key is made
                progress.set(total <= 0 || done == 0 ? -1 : (double) done / total);
                progressText.set(now.render(text.locale()));
            }
        });
        background.run(text.get("wizard.apply.activity.plan"), () -> {
            // the journal first: opening it makes the data directory, which a plan made before would expect absent
            FileChanges fc = changes.call();
            Optional<Planned> p = planner.plan(c, report);
            if (p.isEmpty()) {
                return null;
            }
            Preview preview = fc.preview(p.get().changes());
            return new Made(p.get(), preview.ready(), PlanText.of(p.get(), preview, text),
                    dev.certsd.files.OwnedByAnother.anyIn(p.get().changes()));
        }, made -> {
            if (run == generation) {
                show(made);
            }
        }, error -> {
            if (run == generation) {
                planFailed(error);
            }
        });
    }

    /** Stops making the plan: the key generation ends within milliseconds and nothing is written. */
    public void cancel() {
        if (state.get() != State.PLANNING) {
            return;
        }
        cancel.cancel();
        generation++;
        state.set(State.CANCELLED);
        message.set(text.get("wizard.apply.cancelled"));
    }

    /** Forgets the plan (the user went back to change something); a plan being made is cancelled. */
    public void reset() {
        if (cancel != null) {
            cancel.cancel();
        }
        generation++;
        report = null;
        clearShown();
    }

    /** Applies the plan shown (or prepares it for an administrator, when the user chose that). */
    public void apply() {
        if (state.get() != State.READY) {
            return;
        }
        Planned p = planned.get();
        boolean admin = asAdministrator.get();
        state.set(State.APPLYING);
        long run = generation;
        background.run(text.get("wizard.apply.activity.apply"), () -> runner().apply(p.changes(), admin), o -> {
                    if (run == generation) {
                        outcome(o);
                    }
                }, e -> {
                    if (run == generation) {
                        state.set(State.FAILED);
                        error(e);
                    }
                });
    }

    /** Runs the prepared change with the desktop's privilege prompt, then settles the journal with the disk. */
    public void runElevated() {
        if (state.get() != State.NEEDS_PRIVILEGE || report == null || !elevation.available()) {
            return;
        }
        ChangeReport pending = report;
        state.set(State.ELEVATING);
        message.set(text.get("wizard.apply.elevating"));
        background.run(text.get("wizard.apply.activity.elevate"), () -> runner().elevate(pending, elevation),
                this::elevated, e -> {
                    state.set(State.NEEDS_PRIVILEGE);
                    error(e);
                });
    }

    /** After the user ran the script themselves: looks whether the files now show the change. */
    public void checkAgain() {
        if (state.get() != State.NEEDS_PRIVILEGE) {
            return;
        }
        ChangeReport pending = report;
        background.run(text.get("wizard.apply.activity.check"), () -> runner().settle(pending), settled -> {
            if (settled.done()) {
                report = settled;
                done(text.fmt("wizard.apply.done", description()));
            } else {
                message.set(text.get("wizard.apply.notYet"));
            }
        }, this::error);
    }

    /** Undoes this change, if it is still the last one in the journal. */
    public void undo() {
        if (state.get() != State.DONE || report == null || report.entry() == null) {
            return;
        }
        long id = report.entry().id();
        background.run(text.get("wizard.apply.activity.undo"), () -> runner().undoIfLast(id), o -> {
            if (o.isEmpty()) {
                message.set(text.get("wizard.apply.undoOther"));
                return;
            }
            switch (o.get().kind()) {
                case DONE -> {
                    state.set(State.UNDONE);
                    message.set(text.fmt("wizard.apply.undone", description()));
                }
                case NEEDS_PRIVILEGE -> message.set(text.fmt("wizard.apply.undoPrivileged", o.get().prepared().script()));
                case REFUSED, FAILED -> message.set(text.fmt("wizard.apply.undoFailed",
                        String.join(" ", problemsOf(o.get()))));
            }
        }, this::error);
    }

    private void show(Made made) {
        if (made == null) {
            state.set(State.NOTHING_TO_DO);
            message.set(text.get("wizard.apply.nothing"));
            return;
        }
        Planned p = made.planned();
        PlanText words = made.words();
        planned.set(p);
        offerAdministrator.set(made.offerAdministrator());
        showWords(words);
        progress.set(1);
        progressText.set("");
        if (made.ready()) {
            state.set(State.READY);
            message.set(text.fmt("wizard.apply.ready", p.changes().description().render(text.locale())));
        } else {
            state.set(State.REFUSED);
            message.set(text.get("wizard.apply.refused"));
        }
    }

    private void planFailed(Throwable error) {
        if (error instanceof PkiException.Cancelled) {
            state.set(State.CANCELLED);
            message.set(text.get("wizard.apply.cancelled"));
            return;
        }
        state.set(State.PLAN_FAILED);
        message.set(error instanceof PkiException pe ? pe.text().render(text.locale())
                : text.fmt("wizard.apply.error", String.valueOf(error.getMessage())));
    }

    private void outcome(ChangeReport r) {
        report = r;
        switch (r.kind()) {
            case DONE -> done(text.fmt("wizard.apply.done", description()));
            case NEEDS_PRIVILEGE -> {
                scriptText.set(r.prepared().scriptText());
                scriptCommand.set("sudo sh " + r.prepared().script());
                state.set(State.NEEDS_PRIVILEGE);
                message.set(text.get(elevation.available() ? "wizard.apply.needsPrivilege.pkexec"
                        : "wizard.apply.needsPrivilege"));
            }
            case FAILED -> {
                state.set(State.FAILED);
                message.set(text.fmt(r.rollbackProblems().isEmpty() ? "wizard.apply.failed" : "wizard.apply.failedHalf",
                        r.problems().get(0).message(text.locale())));
            }
            case REFUSED -> {
                problems.setAll(problemsOf(r));
                state.set(State.REFUSED);
                message.set(text.get("wizard.apply.refused"));
            }
        }
    }

    private void elevated(ChangeRunner.Elevation e) {
        if (e.done()) {
            report = e.settled();
            done(text.fmt("wizard.apply.done", description()));
            return;
        }
        state.set(State.NEEDS_PRIVILEGE);
        PrivilegedRunner.Result r = e.ended();
        if (r.timedOut()) {
            message.set(text.get("wizard.apply.elevationTimedOut"));
            return;
        }
        message.set(text.fmt("wizard.apply.elevationFailed", r.exitCode(), r.output().isBlank() ? "-" : r.output()));
    }

    private void done(String sentence) {
        state.set(State.DONE);
        message.set(sentence);
        Planned p = planned.get();
        onDone.forEach(a -> a.accept(p));
    }

    /** The workflow over the app's journal (opened on first use, off the UI thread). */
    private ChangeRunner runner() throws Exception {
        return new ChangeRunner(changes.call());
    }

    private List<String> problemsOf(ChangeReport r) {
        return r.allProblems().stream().map(p -> p.message(text.locale())).toList();
    }

    /** Something went wrong reaching the files or the journal: says what. */
    private void error(Throwable e) {
        message.set(text.fmt("wizard.apply.error", String.valueOf(e.getMessage())));
    }

    private String description() {
        Planned p = planned.get();
        return p == null ? "" : p.changes().description().render(text.locale());
    }

    public boolean elevationAvailable() {
        return elevation.available();
    }
}
