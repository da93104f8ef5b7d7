package dev.certsd.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * The constant text of check's JSON made into UTF-8 once: the field names of a file and a finding, and the pretty
 * printer's line breaks, indentation and ": ". Jackson writes such text as a copy of its bytes, where a name given as
 * a String, or the default printer's indentation, is encoded character by character every time: a directory of
 * 100,000 files writes some four million names and line breaks. The bytes are the same (ASCII names, the default
 * printer's own strings); CheckJsonStreamTest and bench/same-output.sh compare them.
 */
final class JsonText {
    static final SerializedString NAME = new SerializedString("name");
    static final SerializedString ROLE = new SerializedString("role");
    static final SerializedString BADGES = new SerializedString("badges");
    static final SerializedString KIND = new SerializedString("kind");
    static final SerializedString ISSUED_BY = new SerializedString("issuedBy");
    static final SerializedString FINDINGS = new SerializedString("findings");
    static final SerializedString FORMAT = new SerializedString("format");
    static final SerializedString CERTIFICATES = new SerializedString("certificates");
    static final SerializedString SUBJECT = new SerializedString("subject");
    static final SerializedString ISSUER = new SerializedString("issuer");
    static final SerializedString NOT_BEFORE = new SerializedString("notBefore");
    static final SerializedString NOT_AFTER = new SerializedString("notAfter");
    static final SerializedString CA = new SerializedString("ca");
    static final SerializedString SHA256 = new SerializedString("sha256");
    static final SerializedString KEYS = new SerializedString("keys");
    static final SerializedString FIXES = new SerializedString("fixes");
    static final SerializedString HOW = new SerializedString("how");
    static final SerializedString DESCRIPTION = new SerializedString("description");
    static final SerializedString CODE = new SerializedString("code");
    static final SerializedString SEVERITY = new SerializedString("severity");
    static final SerializedString FILE = new SerializedString("file");
    static final SerializedString ARGS = new SerializedString("args");
    static final SerializedString MESSAGE = new SerializedString("message");
    static final SerializedString REFERENCES = new SerializedString("references");
    static final SerializedString PAIRS = new SerializedString("pairs");
    static final SerializedString CAS = new SerializedString("cas");

    private JsonText() {
    }

    /** The client release a verdict models: {@code {"id": "docker@20.10.24", "version": ..., "source": ...}}. */
    static java.util.Map<String, Object> version(dev.certsd.roots.ClientVersion v) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", v.id());
        m.put("client", v.client().id());
        m.put("version", v.version());
        m.put("source", v.source().id());
        return m;
    }

    /** Jackson's default pretty printer, writing its indentation and field separator as text made once. */
    static class Printer extends DefaultPrettyPrinter {
        private final SerializableString fieldSeparator;

        Printer() {
            indentObjectsWith(Indentation.INSTANCE);
            fieldSeparator = new SerializedString(_objectFieldValueSeparatorWithSpaces);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new Printer();
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(fieldSeparator);
        }
    }

    /** {@link DefaultIndenter#SYSTEM_LINEFEED_INSTANCE}'s text (a line break, two spaces a level), made once a level. */
    static final class Indentation implements DefaultPrettyPrinter.Indenter {
        static final Indentation INSTANCE = new Indentation();
        private static final int LEVELS = 32;
        private final SerializableString[] levels = new SerializableString[LEVELS];

        private Indentation() {
            for (int i = 0; i < LEVELS; i++) {
                levels[i] = new SerializedString(DefaultIndenter.SYS_LF + "  ".repeat(i));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level < LEVELS) {
                g.writeRaw(levels[level]);
            } else {
                DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}
