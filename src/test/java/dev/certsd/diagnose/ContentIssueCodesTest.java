package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.material.ContentIssue;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code FileRules} turns each {@link ContentIssue} into the {@link FindingCode} of the same name. The two enums live
 * in different layers (material knows no findings), so this test keeps them in step: a content issue without its
 * finding code would throw during a scan.
 */
class ContentIssueCodesTest {
    @Test
    void everyContentIssueHasTheFindingCodeOfItsName() {
        Set<String> codes = Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> missing = Arrays.stream(ContentIssue.values()).map(Enum::name)
                .filter(name -> !codes.contains(name)).toList();
        assertEquals(List.of(), missing, "content issues with no finding code of the same name");
    }
}
