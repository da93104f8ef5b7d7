package dev.certsd.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Why a change (or an undo) was refused or failed, with what to do next; rendered from {@code files.properties}.
 *
 * @param path the path concerned, or null
 * @param args further values for the message
 */
public record Problem(Code code, Path path, List<String> args) {

    /** Stable codes; the GUI may pick an icon or an action by them. */
    public enum Code {
        /** The file's content is not the content that was shown. */
        CHANGED_SINCE_SHOWN,
        /** The file's mode is not the mode that was shown. */
        MODE_CHANGED,
        /** Something appeared where a new file or name was to be created. */
        ALREADY_EXISTS,
        /** The file or directory to change is gone. */
        MISSING,
        /** Expected a regular file, found a directory, link or special file. */
        NOT_A_FILE,
        /** Expected a directory. */
        NOT_A_DIRECTORY,
        /** A directory to remove is not empty. */
        DIRECTORY_NOT_EMPTY,
        /** The parent directory of a new file does not exist. */
        NO_PARENT,
        /** The file could not be read to check it is unchanged. */
        UNREADABLE,
        /** The file system is full. */
        NO_SPACE,
        /** The user may not write there. */
        PERMISSION_DENIED,
        /** Any other I/O error. */
        IO_ERROR,
        /** Undo: nothing left to undo. */
        NOTHING_TO_UNDO,
        /** Redo: nothing left to redo. */
        NOTHING_TO_REDO,
        /** A change was interrupted (crash, power loss) half way; the journal keeps the previous contents. */
        INTERRUPTED,
        /** A prepared file does not hold what was prepared (changed after preparation). */
        PREPARED_FILE_CHANGED,
        /** Root: a directory on the way belongs to a user other than root and the target directory's owner. */
        UNSAFE_OWNER,
        /** Root: a directory on the way may be written by others (and has no sticky bit). */
        UNSAFE_WRITABLE,
        /** Root: a symbolic link on the way that root did not make in a directory only root controls. */
        UNSAFE_SYMLINK,
        /** Root: the platform cannot change files relative to an opened directory. */
        UNSAFE_PLATFORM,
        /** The undo journal's directory is not this user's own private directory. */
        UNSAFE_JOURNAL
    }

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(Code code, Path path, Object... args) {
        return new Problem(code, path, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public Text text() {
        List<String> all = new java.util.ArrayList<>();
        all.add(path == null ? "" : path.toString());
        all.addAll(args);
        return new Text(Bundles.FILES, "problem." + code.name(), all);
    }

    public String message(Locale locale) {
        return text().render(locale);
    }
}
