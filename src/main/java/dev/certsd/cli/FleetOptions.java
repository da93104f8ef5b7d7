package dev.certsd.cli;

import dev.certsd.fleet.FleetChecker;
import dev.certsd.fleet.FleetReport;
import dev.certsd.fleet.FleetScans;
import dev.certsd.fleet.Inventory;
import dev.certsd.fleet.InventoryEntry;
import dev.certsd.remote.RemoteAccess;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code check --inventory FILE}: every machine of an inventory, over SSH, a bounded number at once. */
final class FleetOptions {
    @Option(names = "--inventory", paramLabel = "FILE", descriptionKey = "option.inventory")
    Path inventory;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = MAX_CONNECTIONS_DEFAULT,
            descriptionKey = "option.maxConnections")
    int maxConnections;

    static final String MAX_CONNECTIONS_DEFAULT = "8";

    /** The options as picocli sets them when none is given ({@link QuickCheck}). */
    static FleetOptions defaults() {
        FleetOptions o = new FleetOptions();
        o.maxConnections = Integer.parseInt(MAX_CONNECTIONS_DEFAULT);
        return o;
    }

    boolean fleet() {
        return inventory != null;
    }

    int run(CommandLine.Model.CommandSpec spec, RootOptions o, SshOptions ssh, boolean json) throws IOException {
        if (maxConnections < 1 || maxConnections > 64) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(RootOptions.text().getString("error.maxConnections"), maxConnections));
        }
        if (ssh.remote()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    RootOptions.text().getString("error.inventoryAndSsh"));
        }
        List<InventoryEntry> entries;
        try {
            entries = Inventory.read(inventory);
        } catch (NoSuchFileException e) {
            throw new IOException(String.format(RootOptions.text().getString("error.noSuchFile"), inventory), e);
        }
        FleetReport report;
        try (RemoteAccess access = new RemoteAccess(ssh.settings(spec))) {
            report = new FleetChecker(access, maxConnections).check(entries,
                    FleetScans.root(o.client(spec), o.root != null ? o.root.toString() : null, o.expiringDays),
                    r -> { }, () -> false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson(Locale.ENGLISH));
        } else {
            print(report, out, Locale.getDefault());
        }
        return report.failing() ? 1 : 0;
    }

    private static void print(FleetReport report, PrintWriter out, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
        ResourceBundle bundle = text;
        String last = null;
        for (FleetReport.Row r : report.rows(locale)) {
            if (!r.machine().equals(last)) {
                out.println();
                out.println(TerminalText.text(r.machine() + " (" + r.target() + ")"
                        + (r.root() != null ? "  " + r.root() : "")));
                last = r.machine();
            }
            if (r.verdict() == null) {
                out.println("  " + TerminalText.text(r.problem()));
            } else {
                out.println("  " + TerminalText.name(r.registry()) + "  "
                        + CheckText.verdictLine(r.verdict(), bundle, locale));
            }
        }
        out.println();
        long unread = report.machines().stream().filter(m -> !m.read()).count();
        out.println(new MessageFormat(text.getString("fleet.summary"), locale).format(new Object[] {
                report.machines().size(), unread, report.machines().stream().filter(m -> m.read() && m.failing())
                        .count(), report.maxConcurrent()}));
    }
}
