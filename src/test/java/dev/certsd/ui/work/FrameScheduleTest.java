package dev.certsd.ui.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** After a scan the tree, the findings and the details each update in a frame of their own. */
class FrameScheduleTest {
    /** The pulse that lays out the tree's update, made as the scan's result arrives (between pulses). */
    private static final int TREE_LAID_OUT = 1;

    @Test
    void theFindingsAndTheDetailsComeAfterTheTreeEachInItsOwnFrame() {
        assertTrue(FrameSchedule.FINDINGS_PULSE > TREE_LAID_OUT, "the findings share the tree's frame");
        assertTrue(FrameSchedule.DETAILS_PULSE > TREE_LAID_OUT, "the details share the tree's frame");
        assertTrue(FrameSchedule.FINDINGS_PULSE != FrameSchedule.DETAILS_PULSE, "the findings and details share a frame");
    }
}
