package dev.certsd.roots;

/** The role a client gives a file in a host directory, decided by its name alone. */
public enum FileRole {
    CA("ca"), CLIENT_CERT("client-cert"), CLIENT_KEY("client-key"), CONFIG("config"), IGNORED("ignored");

    private final String id;

    FileRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The role from the name, case-sensitively. Docker uses Go's {@code filepath.Ext} (the text after the last
     * dot); containers/image and containerd use suffix tests; for plain names the two agree.
     */
    public static FileRole of(String name, Client client) {
        if (client == Client.CONTAINERD && name.equals("hosts.toml")) {
            return CONFIG;
        }
        if (name.endsWith(".crt")) {
            return CA;
        }
        if (name.endsWith(".cert")) {
            return CLIENT_CERT;
        }
        if (name.endsWith(".key")) {
            return CLIENT_KEY;
        }
        return IGNORED;
    }

    /** The base name without the role's extension. */
    public static String base(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
