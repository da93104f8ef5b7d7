package dev.certsd.diagnose;

/** A short label on a file in the tree, readable without colour. */
public enum Badge {
    CA("ca"), CLIENT_CERT("client-cert"), KEY("key"), CONFIG("config"), ORPHAN("orphan"), IGNORED("ignored"),
    INVALID("invalid"), UNREADABLE("unreadable"), EXPIRED("expired"), NOT_YET_VALID("not-yet-valid"),
    EXPIRING_SOON("expiring-soon"), MISMATCH("mismatch"), ENCRYPTED("encrypted");

    private final String id;

    Badge(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
