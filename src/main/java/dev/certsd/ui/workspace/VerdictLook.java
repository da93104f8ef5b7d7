package dev.certsd.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.certsd.diagnose.Verdict;
import dev.certsd.ui.UiText;

/**
 * How the window shows the engine's {@link Verdict}: the tree's short words, the details banner's sentence, the
 * icon and the style all follow its level alone, so the two can never disagree.
 */
public final class VerdictLook {
    private final UiText text;

    public VerdictLook(UiText text) {
        this.text = text;
    }

    /** The tree row's words after the directory name. */
    public String shortText(Verdict v) {
        return switch (v.level()) {
            case OK -> text.get("verdict.ok");
            case FAILS_LATER -> text.fmt("verdict.okButErrors", v.errors());
            case CONFIG_ERROR -> v.hangs() ? text.fmt("verdict.hangs", v.hangsOn()) : v.clientError();
            case IGNORED -> ignored(v, "");
        };
    }

    /** The details banner's sentence (and the tree row's tooltip), ending with the client release it is for. */
    public String longText(Verdict v) {
        String sentence = sentence(v);
        return v.modelledFor() == null ? sentence
                : text.fmt("verdict.withModelled", sentence, text.fmt("verdict.modelledFor", v.modelledFor().id()));
    }

    private String sentence(Verdict v) {
        return switch (v.level()) {
            case OK -> text.get("verdict.ok.long");
            case FAILS_LATER -> text.fmt("verdict.failsLater.long", v.errors());
            case CONFIG_ERROR -> v.hangs() ? text.fmt("verdict.hangs", v.hangsOn())
                    : text.fmt("verdict.error.long", v.clientError());
            case IGNORED -> ignored(v, ".long");
        };
    }

    private String ignored(Verdict v, String suffix) {
        return v.ignoredBy() == Verdict.Ignored.INSECURE_REGISTRY ? text.get("verdict.ignored" + suffix)
                : text.get("verdict.ignored." + v.ignoredBy().name() + suffix);
    }

    /** Whether the short words are the client's own (its error text), shown as data. */
    public static boolean clientWords(Verdict v) {
        return v.level() == Verdict.Level.CONFIG_ERROR && !v.hangs();
    }

    /** The text style of the level. */
    public static String style(Verdict.Level level) {
        return switch (level) {
            case OK -> Styles.SUCCESS;
            case FAILS_LATER -> "warning-text";
            case CONFIG_ERROR -> Styles.DANGER;
            case IGNORED -> Styles.TEXT_MUTED;
        };
    }

    /** The icon literal of the verdict. */
    public static String icon(Verdict v) {
        return switch (v.level()) {
            case OK -> "mdi2c-check-circle";
            case FAILS_LATER -> "mdi2a-alert";
            case CONFIG_ERROR -> v.hangs() ? "mdi2t-timer-sand" : "mdi2c-close-circle";
            case IGNORED -> "mdi2e-eye-off";
        };
    }

    /** The icon's style class. */
    public static String iconStyle(Verdict.Level level) {
        return level == Verdict.Level.FAILS_LATER ? "warning-icon" : style(level);
    }
}
