package dev.certsd.export;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** An export that cannot be made, with what to do instead (from the {@code export} bundle). */
public final class ExportException extends IOException {
    public ExportException(String key, Object... args) {
        super(new MessageFormat(ResourceBundle.getBundle("dev.certsd.export.export", Locale.getDefault())
                .getString(key), Locale.getDefault()).format(args));
    }
}
