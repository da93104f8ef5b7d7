package dev.certsd.files;

import java.util.List;
import java.util.Objects;

/**
 * Everything one user action changes (a fix, a wizard's files, a delete), applied step by step, each file
 * atomically, and undone as one.
 *
 * @param description what the change does, for the preview and the undo history
 */
public record ChangeSet(Message description, List<FileOp> ops) {
    public ChangeSet {
        Objects.requireNonNull(description, "description");
        ops = List.copyOf(ops);
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("a change set changes something");
        }
    }

    public static ChangeSet of(Message description, FileOp... ops) {
        return new ChangeSet(description, List.of(ops));
    }
}
