package dev.certsd.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user asked for on the command line of {@code certsd-studio gui}: a theme, a path to open and select.
 *
 * @param dark   true or false to force a theme for this run, null to use the remembered one
 * @param sample generate the sample root and open it
 * @param open   a root, host directory or file to open and select, or null
 */
public record Startup(Boolean dark, boolean sample, Path open) {
    public static final Startup NONE = new Startup(null, false, null);

    /**
     * Parses {@code [--theme light|dark] [--sample] [PATH]}.
     *
     * @throws IllegalArgumentException with the usage line when the arguments do not fit
     */
    public static Startup parse(List<String> args) {
        Boolean dark = null;
        boolean sample = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--theme") && i + 1 < args.size()) {
                String t = args.get(++i);
                if (!t.equals("dark") && !t.equals("light")) {
                    throw new IllegalArgumentException(usage());
                }
                dark = t.equals("dark");
            } else if (a.equals("--sample")) {
                sample = true;
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException(usage());
            } else {
                rest.add(a);
            }
        }
        if (rest.size() > 1) {
            throw new IllegalArgumentException(usage());
        }
        return new Startup(dark, sample, rest.isEmpty() ? null : Path.of(rest.get(0)).toAbsolutePath().normalize());
    }

    /** The usage line, in the language of the system. */
    public static String usage() {
        return new dev.certsd.ui.UiText(java.util.Locale.getDefault()).get("launcher.usage");
    }
}
