package dev.certsd.diagnose;

/**
 * A short label on a file in the tree, readable without colour. A file whose name makes the client misread it is
 * labelled with what it holds ("CA saved as .cert"), not with the role its name gives it.
 */
public enum Badge {
    CA("ca"), CLIENT_CERT("client-cert"), CA_SAVED_AS_CERT("ca-as-cert"), CLIENT_CERT_SAVED_AS_CRT("client-cert-as-crt"), KEY("key"), CONFIG("config"), ORPHAN("orphan"), IGNORED("ignored"),
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
