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
        UNSAFE_JOURNAL,
        /** Privileged helper: the prepared directory belongs to another user than the one who asked. */
        PREPARED_FOREIGN_OWNER,
        /** Privileged helper: other users may write the prepared directory. */
        PREPARED_NOT_PRIVATE,
        /** Privileged helper: a prepared file is a link, a special file, another user's or has a second name. */
        PREPARED_ENTRY_UNSAFE,
        /** Privileged helper: a prepared file is larger than the helper reads. */
        PREPARED_TOO_LARGE,
        /** Privileged helper: the manifest cannot be read as a prepared change. */
        PREPARED_MALFORMED,
        /** Privileged helper: a prepared content does not match its SHA-256 (swapped or changed). */
        PREPARED_BLOB_CHANGED,
        /** Privileged helper: a path with a {@code .} or {@code ..} component (or not absolute). */
        PREPARED_PATH_DOTS,
        /** Privileged helper: a path outside every certs root the helper knows. */
        PREPARED_OUTSIDE_ROOTS,
        /** Privileged helper: a symbolic link between the certs root and the target. */
        PREPARED_SYMLINK,
        /** Privileged helper: a mode outside the fixed set (0600 keys, 0644 certificates, 0755 directories). */
        PREPARED_MODE,
        /** Privileged helper: the user who asked is unknown to the system. */
        PREPARED_UNKNOWN_USER,
        /** Privileged helper: the custom roots file is not root's own, closed to others, plain list. */
        PREPARED_ROOTS_FILE
    }

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(Code code, Path path, Object... args) {
        return new Problem(code, path, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public Message text() {
        List<String> all = new java.util.ArrayList<>();
        all.add(path == null ? "" : path.toString());
        all.addAll(args);
        return new Message(Bundles.FILES, "problem." + code.name(), all);
    }

    public String message(Locale locale) {
        return text().render(locale);
    }
}
