package dev.certsd.ui.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings and the details follow a scan between the tree's steps, never in the same frame as one. */
class FrameScheduleTest {
    /** The pulses at whose start a root's first fill adds rows (the first step comes before the first pulse). */
    private static List<Integer> treeSteps() {
        List<Integer> pulses = new ArrayList<>();
        int shown = FrameSchedule.TREE_STEP_ROWS;
        for (int pulse = FrameSchedule.TREE_STEP_PULSES; shown < FrameSchedule.TREE_SCREENFUL;
             pulse += FrameSchedule.TREE_STEP_PULSES) {
            pulses.add(pulse);
            shown += FrameSchedule.TREE_STEP_ROWS;
        }
        return pulses;
    }

    @Test
    void theFindingsAndTheDetailsLandBetweenTheTreesSteps() {
        List<Integer> steps = treeSteps();
        assertTrue(steps.size() >= 2, "the first fill comes in several steps: " + steps);
        for (int part : List.of(FrameSchedule.FINDINGS_PULSE, FrameSchedule.DETAILS_PULSE)) {
            assertTrue(!steps.contains(part), part + " is one of the tree's steps " + steps);
            assertTrue(part > 0 && part < steps.get(steps.size() - 1), part + " is not between the steps " + steps);
        }
        assertTrue(FrameSchedule.FINDINGS_PULSE != FrameSchedule.DETAILS_PULSE, "the findings and details share a frame");
    }
}
