package dev.certsd.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A change prepared for a directory the user cannot write: the new contents and a manifest in a private directory,
 * to be applied either by our helper under the desktop's privilege prompt or by the shell script, as the user
 * prefers.
 *
 * @param directory     the private (0700) directory holding {@code change.json}, {@code blobs/} and the script
 * @param script        the shell script ({@code sh SCRIPT} as root, or as the user: each command asks sudo)
 * @param scriptText    the script's text, to show before anything runs
 * @param helperCommand the helper's command line, to run as root: {@code pkexec} followed by these words
 */
public record PreparedChange(Path directory, Path script, String scriptText, List<String> helperCommand) {
    public PreparedChange {
        helperCommand = List.copyOf(helperCommand);
    }

    /** The helper's command line under the desktop's privilege prompt. */
    public List<String> pkexecCommand() {
        List<String> argv = new ArrayList<>();
        argv.add("pkexec");
        argv.addAll(helperCommand);
        return argv;
    }
}
