package dev.certsd.fleet;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet checked: one result per machine, and the table machine x registry the window and the exports show.
 *
 * @param maxConcurrent the most connections that were open at once
 * @param cancelled     some machines were not checked because the check was cancelled
 */
public record FleetReport(List<MachineResult> machines, int maxConcurrent, Duration took, boolean cancelled) {
    public FleetReport {
        machines = List.copyOf(machines);
    }

    /**
     * One row of the table: a registry directory of a machine with its verdict, or a machine that could not be
     * read (registry and verdict null, problem set).
     */
    public record Row(String machine, String target, String root, String registry, Verdict verdict,
                      String problem) {
        /** The verdict's level id ({@code ok}, {@code config-error}...), or {@code unreachable}. */
        public String status() {
            return verdict != null ? verdict.level().id() : "unreachable";
        }
    }

    public boolean failing() {
        return machines.stream().anyMatch(MachineResult::failing);
    }

    public List<Row> rows(Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (MachineResult m : machines) {
            rows.addAll(rowsOf(m, locale));
        }
        return rows;
    }

    /** The rows of one machine: one per registry directory, or one saying why it could not be read. */
    public static List<Row> rowsOf(MachineResult m, Locale locale) {
        String target = m.entry().target().label();
        if (m.report() == null) {
            String why = m.problem() != null ? m.problem().message(locale) : m.error();
            return List.of(new Row(m.entry().name(), target, null, null, null, why));
        }
        List<Row> rows = new ArrayList<>();
        for (HostReport h : m.report().hosts()) {
            rows.add(new Row(m.entry().name(), target, m.report().root().path().toString(),
                    h.path().getFileName().toString(), h.verdict(), null));
        }
        return rows;
    }

    /** The table as CSV (RFC 4180), one row per machine and registry. */
    public String toCsv(Locale locale) {
        StringBuilder b = new StringBuilder("machine,target,root,registry,verdict,client_error,errors,warnings,problem\r\n");
        for (Row r : rows(locale)) {
            Verdict v = r.verdict();
            b.append(String.join(",", csv(r.machine()), csv(r.target()), csv(r.root()), csv(r.registry()),
                    csv(r.status()), csv(v != null ? v.clientError() : null),
                    v != null ? Long.toString(v.errors()) : "", v != null ? Long.toString(v.warnings()) : "",
                    csv(r.problem()))).append("\r\n");
        }
        return b.toString();
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r", " ").replace("\n", " ");
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t; // a spreadsheet would run it as a formula
        }
        return t.contains(",") || t.contains("\"") || !t.equals(s) || t.contains(" ") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    /** The fleet as one JSON document: every machine with its registries' verdicts or its problem. */
    public String toJson(Locale locale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machines", machines.stream().map(m -> machine(m, locale)).toList());
        doc.put("failing", failing());
        doc.put("maxConcurrentConnections", maxConcurrent);
        doc.put("tookMillis", took.toMillis());
        doc.put("cancelled", cancelled);
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> machine(MachineResult m, Locale locale) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", m.entry().name());
        o.put("target", m.entry().target().label());
        o.put("read", m.read());
        o.put("problem", m.problem() != null ? m.problem().kind().name() : m.error() != null ? "ERROR" : null);
        o.put("message", m.problem() != null ? m.problem().message(locale) : m.error());
        o.put("fingerprint", m.problem() != null ? m.problem().fingerprint() : null);
        o.put("root", m.report() != null ? m.report().root().path().toString() : null);
        o.put("client", m.report() != null ? m.report().root().client().id() : null);
        List<Object> hosts = new ArrayList<>();
        if (m.report() != null) {
            for (HostReport h : m.report().hosts()) {
                Map<String, Object> ho = new LinkedHashMap<>();
                Verdict v = h.verdict();
                ho.put("dir", h.path().getFileName().toString());
                ho.put("level", v.level().id());
                ho.put("clientError", v.clientError());
                ho.put("ignoredBy", v.ignoredBy() == null ? null : v.ignoredBy().name());
                ho.put("errors", v.errors());
                ho.put("warnings", v.warnings());
                hosts.add(ho);
            }
        }
        o.put("hosts", hosts);
        return o;
    }
}
