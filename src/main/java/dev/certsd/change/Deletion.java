package dev.certsd.change;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.Expected;
import dev.certsd.files.FileOp;
import dev.certsd.files.Message;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the removal of a file or a registry directory as the user saw it: each file is expected with the bytes the
 * scan showed (a file changed since is refused, not removed), and its content goes to the undo journal first.
 * Folders inside a registry directory (a {@code disabled/} a fix made) are read from the disk when planning.
 * Symbolic links and special files are refused: the journal can only bring back files and folders.
 */
public final class Deletion {
    /** As large as a file the journal keeps; certs.d material is a few kilobytes. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private Deletion() {
    }

    /** The removal of one file as the scan showed it. */
    public static ChangeSet file(FileReport file) throws Unplannable {
        List<FileOp> ops = new ArrayList<>();
        entry(file.entry(), ops);
        return new ChangeSet(Message.of(ChangeReport.BUNDLE, "change.delete.file", file.name()), ops);
    }

    /** The removal of a registry directory with every file in it. */
    public static ChangeSet hostDirectory(HostReport host) throws Unplannable {
        List<FileOp> ops = new ArrayList<>();
        for (FileReport file : host.files()) {
            entry(file.entry(), ops);
        }
        ops.add(new FileOp.Delete(host.path(), Expected.directory(null)));
        return new ChangeSet(Message.of(ChangeReport.BUNDLE, "change.delete.dir", host.hostDir().dirName(),
                host.files().size()), ops);
    }

    /** Why a certs root itself is not deleted from the window. */
    public static Unplannable rootRefused() {
        return new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.notRoot"));
    }

    private static void entry(FileEntry e, List<FileOp> ops) throws Unplannable {
        if (e.symlink()) {
            throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.symlink", e.path()));
        }
        switch (e.kind()) {
            case REGULAR -> {
                if (e.bytes() == null) {
                    throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.unreadable", e.path()));
                }
                ops.add(new FileOp.Delete(e.path(), Expected.file(e.bytes(), e.perms())));
            }
            case DIRECTORY -> directory(e.path(), ops);
            case SPECIAL -> throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.special", e.path()));
            default -> throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.unreadable", e.path()));
        }
    }

    /** A folder's files, its folders (depth first), then the folder itself, as they are on disk now. */
    private static void directory(Path dir, List<FileOp> ops) throws Unplannable {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(children::add);
        } catch (IOException e) {
            throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.unreadable", dir));
        }
        children.sort(null);
        for (Path p : children) {
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.unreadable", p));
            }
            if (a.isSymbolicLink()) {
                throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.symlink", p));
            } else if (a.isDirectory()) {
                directory(p, ops);
            } else if (!a.isRegularFile()) {
                throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.special", p));
            } else if (a.size() > MAX_BYTES) {
                throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.unreadable", p));
            } else {
                ops.add(new FileOp.Delete(p, Expected.file(read(p), a.permissions())));
            }
        }
        ops.add(new FileOp.Delete(dir, Expected.directory(null))); // any mode will do for a folder
    }

    private static byte[] read(Path p) throws Unplannable {
        try {
            try (java.io.InputStream in = Files.newInputStream(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return dev.certsd.material.InputFiles.read(in, p.toString(), (int) MAX_BYTES);
            }
        } catch (IOException e) {
            throw new Unplannable(Message.of(ChangeReport.BUNDLE, "change.delete.unreadable", p));
        }
    }
}
