package dev.certsd.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.Verdict;
import dev.certsd.fix.Fix;
import dev.certsd.fix.HostAnswer;
import dev.certsd.material.CertInfo;
import dev.certsd.material.Content;
import dev.certsd.material.KeyInfo;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code check --json} document: codes and arguments for scripts, English messages for people. Written field by
 * field as it is made (a root of 100,000 files makes tens of megabytes), with Jackson's default pretty printer: the
 * same bytes jackson-jr wrote from maps before, without the maps.
 */
final class CheckJson {
    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new JsonEscapes());
    /** The names of the kinds and formats in lower case, made once rather than once a file. */
    private static final String[] KINDS = lower(FileEntry.Kind.values());
    private static final String[] FORMATS = lower(Content.Format.values());

    private final JsonGenerator g;
    private final Messages messages;
    /** Times written so far: copies of a file share their certificate's, made into text once. */
    private final dev.certsd.diagnose.TimeTexts times = new dev.certsd.diagnose.TimeTexts();

    /** The stream under {@code g} when the document is written as UTF-8 bytes (pieces go straight to it), else null. */
    private final java.io.OutputStream bytes;
    private JsonPieces.Array array; // a piece's array (its findings' messages made once), or null

    private CheckJson(JsonGenerator g) {
        this(g, new Messages(Locale.ENGLISH), null);
    }

    private CheckJson(JsonGenerator g, Messages messages, java.io.OutputStream bytes) {
        this.g = g;
        this.messages = messages;
        this.bytes = bytes;
    }

    static String render(RootReport report) {
        StringWriter w = new StringWriter();
        write(report, w);
        return w.toString();
    }

    /** Writes the document as UTF-8 bytes to {@code out} as it is made; {@code out} stays open. */
    static void write(RootReport report, java.io.OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream would write them one by one
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller's stream stays open
            }
        }, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new JsonText.Printer());
            new CheckJson(g, new Messages(Locale.ENGLISH), out).root(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document to {@code out} as it is made; {@code out} stays open. */
    static void write(RootReport report, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller's stream stays open
            }
        })) {
            g.setPrettyPrinter(new JsonText.Printer());
            new CheckJson(g).root(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void root(RootReport report) throws IOException {
        g.writeStartObject();
        g.writeStringField("root", report.root().path().toString());
        g.writeStringField("client", report.root().client().id());
        g.writeStringField("scannedAt", report.scannedAt().toString());
        var modelled = report.hosts().stream().map(h -> h.verdict().modelledFor()).filter(java.util.Objects::nonNull)
                .findFirst();
        if (modelled.isPresent()) {
            g.writeFieldName("clientVersion");
            g.writeStartObject();
            for (Map.Entry<String, Object> e : JsonText.version(modelled.get()).entrySet()) {
                g.writeStringField(e.getKey(), (String) e.getValue());
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("hosts");
        for (HostReport h : report.hosts()) {
            host(h);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : report.findings()) {
            g.writeStartObject();
            finding(f, "");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void host(HostReport h) throws IOException {
        g.writeStartObject();
        g.writeStringField("dir", h.hostDir().dirName());
        g.writeStringField("host", h.hostDir().host());
        g.writeFieldName("port");
        if (h.hostDir().port() == null) {
            g.writeNull();
        } else {
            g.writeNumber(h.hostDir().port().intValue());
        }
        strings(JsonText.REFERENCES, h.hostDir().references());
        g.writeBooleanField("certsdUsed", h.certsdUsed());
        HostAnswer answer = HostAnswer.of(h);
        verdict(answer.verdict());
        g.writeStringField("configError", h.configError());
        g.writeStringField("configErrorFile", h.certsdUsed() ? h.load().errorFile() : null);
        g.writeStringField("blocksOn", h.certsdUsed() ? h.load().blocksOn() : null);
        strings(JsonText.PAIRS, h.load().pairs());
        strings(JsonText.CAS, h.load().caFiles());
        g.writeBooleanField("systemRootsMerged", h.load().systemRootsMerged());
        if (bytes != null && h.files().size() > InOrder.PIECE) { // a large directory's files made on every core
            g.writeArrayFieldStart("files");
            g.flush();
            String dir = h.hostDir().dirName();
            JsonPieces.Array files = JsonPieces.Array.first();
            JsonPieces.write(h.files(), files,
                    (part, first) -> piece(part, first, files, (c, f) -> c.file(f, answer, dir)), bytes);
            g.writeEndArray();
            g.writeArrayFieldStart("findings"); // every finding of the directory again, with its fixes
            g.flush();
            JsonPieces.Array findings = files.next();
            JsonPieces.write(answer.findings(), findings,
                    (part, first) -> piece(part, first, findings, (c, a) -> c.adviceObject(a, dir)), bytes);
            g.writeEndArray();
            g.writeEndObject();
            return;
        }
        g.writeArrayFieldStart("files");
        for (FileReport f : h.files()) {
            file(f, answer, h.hostDir().dirName());
        }
        g.writeEndArray();
        advice(JsonText.FINDINGS, answer.findings(), h.hostDir().dirName());
        g.writeEndObject();
    }

    /** Some objects of an array as UTF-8, by a generator of their own that writes them as the document holds them. */
    private <T> java.io.ByteArrayOutputStream piece(List<T> items, boolean first, JsonPieces.Array array,
                                                    JsonPieces.Part<T> write) {
        java.io.ByteArrayOutputStream b = array.start(items.size(), first);
        try (JsonGenerator pg = FACTORY.createGenerator(b, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            pg.setPrettyPrinter(new JsonPieces.FilesPrinter());
            CheckJson part = new CheckJson(pg, messages, null);
            part.array = array;
            pg.writeStartArray();
            for (int i = 0; i < items.size(); i++) {
                write.write(part, items.get(i));
            }
            pg.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        array.made(b, items.size());
        return b;
    }

    private void verdict(Verdict v) throws IOException {
        g.writeObjectFieldStart("verdict");
        g.writeStringField("level", v.level().id());
        g.writeStringField("clientError", v.clientError());
        g.writeStringField("hangsOn", v.hangsOn());
        g.writeStringField("ignoredBy", v.ignoredBy() == null ? null : v.ignoredBy().name());
        g.writeNumberField("errors", v.errors());
        g.writeNumberField("warnings", v.warnings());
        g.writeStringField("modelledFor", v.modelledFor() == null ? null : v.modelledFor().id());
        g.writeEndObject();
    }

    private void file(FileReport f, HostAnswer answer, String dirName) throws IOException {
        g.writeStartObject();
        field(JsonText.NAME, f.name());
        field(JsonText.ROLE, f.role().id());
        strings(JsonText.BADGES, CheckText.badgeIds(f));
        field(JsonText.KIND, KINDS[f.entry().kind().ordinal()]);
        strings(JsonText.ISSUED_BY, f.issuedBy());
        advice(JsonText.FINDINGS, answer.forFile(f), dirName);
        if (f.entry().content() != null) {
            field(JsonText.FORMAT, FORMATS[f.entry().content().format().ordinal()]);
            startArray(JsonText.CERTIFICATES);
            List<CertInfo> certs = f.entry().content().certificates();
            for (int i = 0; i < certs.size(); i++) { // indexed: C1 (which runs a check) allocates every iterator
                CertInfo c = certs.get(i);
                g.writeStartObject();
                field(JsonText.SUBJECT, c.subject());
                field(JsonText.ISSUER, c.issuer());
                field(JsonText.NOT_BEFORE, times.of(c.notBefore()));
                field(JsonText.NOT_AFTER, times.of(c.notAfter()));
                g.writeFieldName(JsonText.CA);
                g.writeBoolean(c.isCa());
                field(JsonText.SHA256, c.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            startArray(JsonText.KEYS);
            List<KeyInfo> keys = f.entry().content().keys();
            for (int i = 0; i < keys.size(); i++) {
                g.writeString(keys.get(i).describe());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Findings with the fixes offered for each ({@code fix CODE HOSTDIR --how ID} applies one). */
    private void advice(SerializableString field, List<HostAnswer.Advice> advice, String dirName) throws IOException {
        startArray(field);
        for (int i = 0; i < advice.size(); i++) {
            adviceObject(advice.get(i), dirName);
        }
        g.writeEndArray();
    }

    private void adviceObject(HostAnswer.Advice a, String dirName) throws IOException {
        g.writeStartObject();
        finding(a.finding(), dirName);
        startArray(JsonText.FIXES);
        List<Fix> fixes = a.fixes();
        for (int i = 0; i < fixes.size(); i++) {
            Fix fix = fixes.get(i);
            g.writeStartObject();
            field(JsonText.HOW, fix.kind().id());
            field(JsonText.DESCRIPTION, fix.description().render(Locale.ENGLISH));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A finding's fields, inside an object the caller opened. */
    private void finding(Finding f, String dirName) throws IOException {
        field(JsonText.CODE, f.code().name());
        field(JsonText.SEVERITY, f.severity().id());
        field(JsonText.FILE, f.file());
        strings(JsonText.ARGS, f.args());
        String message = array == null ? messages.render(f, dirName) : array.message(f, messages, dirName);
        field(JsonText.MESSAGE, message);
    }

    private static String[] lower(Enum<?>[] values) { // in ordinal order, as values() gives them
        return java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /** A list of strings (or nulls) under {@code field}. */
    private void strings(SerializableString field, List<String> values) throws IOException {
        startArray(field);
        for (int i = 0; i < values.size(); i++) {
            g.writeString(values.get(i));
        }
        g.writeEndArray();
    }

    private void startArray(SerializableString field) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
    }

    private void field(SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value); // null: null, as writeStringField writes it
    }
}
