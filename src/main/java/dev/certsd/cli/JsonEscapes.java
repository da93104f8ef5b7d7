package dev.certsd.cli;

/**
 * JSON's own escapes (every character below U+0020), and DEL and the C1 controls (U+007F to U+009F) as well, which
 * JSON allows raw but a terminal may act on: written {@code \\u007F} as the terminal guard writes them, so the
 * document needs no guard and is the same bytes as when it went through one.
 */
final class JsonEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();
    private static final com.fasterxml.jackson.core.SerializableString[] C1 =
            new com.fasterxml.jackson.core.SerializableString[0xA0 - 0x80];

    static {
        ASCII[0x7F] = ESCAPE_STANDARD;
        for (int c = 0x80; c < 0xA0; c++) {
            C1[c - 0x80] = new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04X", c));
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
        return ch >= 0x80 && ch < 0xA0 ? C1[ch - 0x80] : null;
    }
}
