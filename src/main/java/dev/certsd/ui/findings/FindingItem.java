package dev.certsd.ui.findings;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.Severity;
import dev.certsd.ui.workspace.NodeKey;

/**
 * One row of the findings list.
 *
 * @param location where it is, as the user reads it ({@code host/file})
 * @param target   the node selecting this row selects: the file, else the host directory, else the root
 * @param finding  the finding itself, to look up its fixes
 */
public record FindingItem(Severity severity, FindingCode code, String message, String location, NodeKey target,
                          Finding finding) {
}
