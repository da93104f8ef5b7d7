package dev.certsd.files;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Steps as JSON maps, contents as references into a {@link Blobs} store: the journal's and the helper's format. */
final class OpCodec {
    private OpCodec() {
    }

    static Map<String, Object> encode(FileOp op, Blobs blobs) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (op instanceof FileOp.WriteFile w) {
            m.put("op", "write");
            m.put("path", w.path().toString());
            m.put("blob", blobs.put(w.content()));
            m.put("mode", mode(w.mode()));
            m.put("before", expected(w.before()));
        } else if (op instanceof FileOp.Rename r) {
            m.put("op", "rename");
            m.put("from", r.from().toString());
            m.put("to", r.to().toString());
            m.put("before", expected(r.source()));
        } else if (op instanceof FileOp.Delete d) {
            m.put("op", "delete");
            m.put("path", d.path().toString());
            m.put("before", expected(d.before()));
        } else if (op instanceof FileOp.MakeDirectory md) {
            m.put("op", "mkdir");
            m.put("path", md.path().toString());
            m.put("mode", mode(md.mode()));
        } else if (op instanceof FileOp.ChangeMode c) {
            m.put("op", "chmod");
            m.put("path", c.path().toString());
            m.put("mode", mode(c.mode()));
            m.put("before", expected(c.before()));
        }
        return m;
    }

    static FileOp decode(Map<?, ?> m, Blobs blobs) throws IOException {
        String op = string(m, "op");
        switch (op) {
            case "write": {
                String sha = string(m, "blob");
                byte[] content = blobs.get(sha);
                if (content == null) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_FILE_CHANGED, blobs.path(sha)));
                }
                return new FileOp.WriteFile(path(m, "path"), content, mode(string(m, "mode")),
                        expected((Map<?, ?>) m.get("before")));
            }
            case "rename":
                return new FileOp.Rename(path(m, "from"), path(m, "to"), expected((Map<?, ?>) m.get("before")));
            case "delete":
                return new FileOp.Delete(path(m, "path"), expected((Map<?, ?>) m.get("before")));
            case "mkdir":
                return new FileOp.MakeDirectory(path(m, "path"), mode(string(m, "mode")));
            case "chmod":
                return new FileOp.ChangeMode(path(m, "path"), mode(string(m, "mode")),
                        expected((Map<?, ?>) m.get("before")));
            default:
                throw new IOException("unknown step \"" + op + "\"");
        }
    }

    static List<Map<String, Object>> encodeAll(List<FileOp> ops, Blobs blobs) throws IOException {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (FileOp op : ops) {
            out.add(encode(op, blobs));
        }
        return out;
    }

    static List<FileOp> decodeAll(Object list, Blobs blobs) throws IOException {
        List<FileOp> out = new java.util.ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(decode((Map<?, ?>) o, blobs));
        }
        return out;
    }

    /** The window's bundle, which older releases named in the entries of deletions they journaled. */
    static final String LEGACY_WINDOW_BUNDLE = "dev.certsd.ui.ui";
    /** Where the change workflow's words are now (dev.certsd.change; named, not imported: it sits above files). */
    static final String CHANGE_BUNDLE = "dev.certsd.change.change";

    static Map<String, Object> text(Message t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundle", t.bundle());
        m.put("key", t.key());
        m.put("args", t.args());
        return m;
    }

    static Message text(Map<?, ?> m) {
        List<String> args = ((List<?>) m.get("args")).stream().map(String::valueOf).toList();
        String bundle = string(m, "bundle");
        String key = string(m, "key");
        if (bundle.equals(LEGACY_WINDOW_BUNDLE) && key.startsWith("change.")) {
            bundle = CHANGE_BUNDLE; // written by an older window: the words moved below the UI, under the same keys
        }
        return new Message(bundle, key, args);
    }

    private static Map<String, Object> expected(Expected e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (e.sha256() != null) {
            m.put("sha256", e.sha256());
        }
        if (e.mode() != null) {
            m.put("mode", mode(e.mode()));
        }
        return m;
    }

    private static Expected expected(Map<?, ?> m) {
        Expected.Kind kind = Expected.Kind.valueOf(string(m, "kind").toUpperCase(java.util.Locale.ROOT));
        Object mode = m.get("mode");
        return new Expected(kind, (String) m.get("sha256"), mode == null ? null : mode((String) mode));
    }

    static String mode(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.toString(mode);
    }

    static Set<PosixFilePermission> mode(String s) {
        return PosixFilePermissions.fromString(s);
    }

    private static Path path(Map<?, ?> m, String key) throws IOException {
        Path p = Path.of(string(m, key));
        if (!p.isAbsolute()) {
            throw new IOException("not an absolute path: " + p);
        }
        return p.normalize();
    }

    private static String string(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return s;
    }
}
