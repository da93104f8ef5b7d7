package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.material.ContentIssue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code FileRules} turns each {@link ContentIssue} into the {@link FindingCode} declared with it. The two enums live
 * in different layers (material knows no findings), so this test keeps them in step: a content issue without its
 * finding code would throw during a scan.
 */
class ContentIssueCodesTest {
    @Test
    void everyContentIssueHasExactlyOneFindingCode() {
        for (ContentIssue issue : ContentIssue.values()) {
            List<FindingCode> reporting = Arrays.stream(FindingCode.values())
                    .filter(c -> c.contentIssue().equals(Optional.of(issue))).toList();
            assertEquals(1, reporting.size(), () -> issue + " is reported by " + reporting);
            assertEquals(reporting.get(0), FindingCode.of(issue), issue::name);
        }
    }

    @Test
    void contentFindingsKeepTheCodesScriptsKnow() {
        // The codes are a promise to scripts (check --json): each content finding kept its issue's name.
        for (ContentIssue issue : ContentIssue.values()) {
            assertEquals(issue.name(), FindingCode.of(issue).name());
        }
    }
}
