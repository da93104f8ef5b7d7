package dev.certsd.files;

import java.util.ArrayList;
import java.util.List;

/** Runs the steps of a plan in order; when one fails, undoes the ones before it, so a change set is all or nothing. */
final class StepRunner {
    private StepRunner() {
    }

    /** The failed step's problem, and the problems met while undoing the steps before it. */
    record Failure(Problem problem, List<Problem> rollbackProblems) {
    }

    /** Returns null when every step was applied. */
    static Failure run(Plan plan, Applier applier) {
        List<FileOp> steps = plan.forward();
        List<FileOp> undo = plan.inverseByStep();
        for (int i = 0; i < steps.size(); i++) {
            try {
                applier.apply(steps.get(i));
            } catch (ChangeException e) {
                List<Problem> rollback = new ArrayList<>();
                for (int j = i - 1; j >= 0; j--) {
                    try {
                        applier.apply(undo.get(j));
                    } catch (ChangeException r) {
                        rollback.add(r.problem()); // each undo step checks its own state, so going on is safe
                    }
                }
                return new Failure(e.problem(), rollback);
            }
        }
        return null;
    }
}
