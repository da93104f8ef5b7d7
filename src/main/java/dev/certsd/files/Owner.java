package dev.certsd.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * Who should own a file the privileged helper creates: the owner of what it replaces, or of the directory it
 * lands in, so a root-owned certs.d stays root-owned.
 *
 * @param required false: a file system that refuses the change of owner (NFS with root_squash, say) leaves the
 *                 file to the writing user instead of failing the write
 */
public record Owner(String user, String group, boolean required) {

    public Owner(String user, String group) {
        this(user, group, true);
    }

    public static Owner of(Path existing) throws IOException {
        PosixFileAttributes a = Files.readAttributes(existing, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new Owner(a.owner().getName(), a.group().getName());
    }

    Owner optional() {
        return new Owner(user, group, false);
    }

    /** Gives the file behind an opened view this owner; done on the new file, before it gets its name. */
    void applyTo(PosixFileAttributeView view) throws IOException {
        try {
            UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
            GroupPrincipal g = lookup.lookupPrincipalByGroupName(group);
            view.setOwner(lookup.lookupPrincipalByName(user));
            view.setGroup(g);
        } catch (IOException e) {
            if (required) {
                throw e;
            }
        }
    }

    /** Gives the path this owner, without following a link. */
    void applyTo(Path path) throws IOException {
        applyTo(Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS));
    }
}
