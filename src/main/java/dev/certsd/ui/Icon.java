package dev.certsd.ui;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * One icon of the window: a Material Design glyph's outline ({@link Icons}) filled in a square of the icon's size.
 *
 * <p>It stands where Ikonli's {@code FontIcon} stood, one node without children, and keeps its CSS: the style class
 * {@code ikonli-font-icon} (which AtlantaFX's themes and studio.css style), {@code -fx-icon-color} and
 * {@code -fx-icon-size}. Ikonli found a glyph by initialising its pack's enums and loaded the 1.3 MB font through a
 * temporary file before the first icon showed: about 0.1 s of the window's first frame (docs/performance.md).
 */
public final class Icon extends Region {
    private static final double DEFAULT_SIZE = 16;

    // the factory's metadata lets CSS set a property unless code has bound it
    private static final StyleablePropertyFactory<Icon> FACTORY =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final CssMetaData<Icon, Paint> COLOR =
            FACTORY.createPaintCssMetaData("-fx-icon-color", i -> i.color, Color.BLACK, false);
    private static final CssMetaData<Icon, Number> SIZE =
            FACTORY.createSizeCssMetaData("-fx-icon-size", i -> i.size, DEFAULT_SIZE, false);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = FACTORY.getCssMetaData();

    private final StyleableObjectProperty<Paint> color = new SimpleStyleableObjectProperty<>(COLOR, this, "color",
            Color.BLACK) {
        @Override
        protected void invalidated() {
            Paint p = get();
            setBackground(p == null ? null : new Background(new BackgroundFill(p, null, null)));
        }
    };

    private final StyleableDoubleProperty size = new SimpleStyleableDoubleProperty(SIZE, this, "size", DEFAULT_SIZE) {
        @Override
        protected void invalidated() {
            double s = Math.max(0, get());
            setMinSize(s, s);
            setPrefSize(s, s);
            setMaxSize(s, s);
        }
    };

    private String code;

    Icon(String code) {
        getStyleClass().add("ikonli-font-icon");
        setScaleShape(true);
        setCenterShape(true);
        setMinSize(DEFAULT_SIZE, DEFAULT_SIZE);
        setPrefSize(DEFAULT_SIZE, DEFAULT_SIZE);
        setMaxSize(DEFAULT_SIZE, DEFAULT_SIZE);
        setBackground(new Background(new BackgroundFill(Color.BLACK, null, null)));
        setCode(code);
    }

    /** Shows the icon named {@code code} ({@code "mdi2k-key-variant"}); an unknown name fails. */
    public void setCode(String code) {
        if (code.equals(this.code)) {
            return;
        }
        setShape(Icons.shape(code));
        this.code = code;
    }

    public String getCode() {
        return code;
    }

    public void setColor(Paint paint) {
        color.set(paint);
    }

    public void setSize(double pixels) {
        size.set(pixels);
    }

    /** Where a line of text beside it sits: the font's ascent (21 of its 24 units), as the glyph sat in Ikonli's. */
    @Override
    public double getBaselineOffset() {
        return snappedTopInset() + size.get() * Icons.ASCENT / Icons.EM;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
