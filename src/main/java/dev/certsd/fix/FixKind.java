package dev.certsd.fix;

/** The kinds of one-click fix; the id is what {@code fix --how} takes and scripts may rely on. */
public enum FixKind {
    RENAME_TO_CRT("rename-to-crt"),
    RENAME_TO_CERT("rename-to-cert"),
    /** An ignored file ({@code client.pem}) renamed to the name the client reads it by ({@code client.cert}). */
    RENAME("rename"),
    CONVERT_TO_PEM("convert-to-pem"),
    SET_ASIDE("set-aside"),
    REMOVE("remove"),
    RENAME_HOST_DIR("rename-dir"),
    TIGHTEN_KEY_MODE("chmod-600"),
    DECRYPT_KEY("decrypt"),
    REORDER_PAIRS("reorder"),
    SPLIT_KEY("split");

    private final String id;

    FixKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static java.util.Optional<FixKind> fromId(String id) {
        return java.util.Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
