package dev.certsd.files;

/** Says what one step does, for previews, dry runs and the undo history. */
public final class StepText {
    private StepText() {
    }

    public static Message of(FileOp op) {
        if (op instanceof FileOp.WriteFile w) {
            return Message.of(Bundles.FILES, w.overwrites() ? "step.overwrite" : "step.create", w.path(),
                    w.content().length, FileModes.octal(w.mode()), Sha256.hex(w.content()));
        }
        if (op instanceof FileOp.Rename r) {
            return Message.of(Bundles.FILES, "step.rename", r.from(), r.to());
        }
        if (op instanceof FileOp.Delete d) {
            return Message.of(Bundles.FILES, d.before().kind() == Expected.Kind.DIRECTORY ? "step.rmdir" : "step.delete",
                    d.path());
        }
        if (op instanceof FileOp.MakeDirectory m) {
            return Message.of(Bundles.FILES, "step.mkdir", m.path(), FileModes.octal(m.mode()));
        }
        FileOp.ChangeMode c = (FileOp.ChangeMode) op;
        if (c.before().mode() == null) {
            return Message.of(Bundles.FILES, "step.chmod.to", c.path(), FileModes.octal(c.mode()));
        }
        return Message.of(Bundles.FILES, "step.chmod", c.path(), FileModes.octal(c.before().mode()), FileModes.octal(c.mode()));
    }
}
