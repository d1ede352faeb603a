package jp.shinko.infra.edge;

import java.text.Normalizer;
import jp.shinko.events.InvalidField;

/**
 * The one rule for text anyone sends: no control characters (a line feed, carriage return or
 * tab, and the Unicode line and paragraph separators, only in text that may hold several lines),
 * no invisible formatting characters (text-direction overrides, zero-width spaces, a byte order
 * mark inside the text; the joiners emoji need stay), no unpaired UTF-16 surrogates (what an
 * invalid or overlong UTF-8 sequence or a lone {@code \ud800} escape decodes to), no unassigned
 * or non-character code points, and at most {@value #LONGEST} characters; kept in Unicode
 * normalisation form C, so that text typed on different systems compares and sorts the same.
 * Each field's own, shorter, limit is checked where the field is read.
 */
public final class RequestText {

    /** Joiners stay: emoji sequences and some scripts need them. */
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /** The longest text any field takes: a review sheet's field. */
    public static final int LONGEST = 4000;

    private RequestText() {
    }

    /**
     * The text in NFC.
     *
     * @throws InvalidField naming the field and the first character that is not allowed
     */
    public static String check(String field, String text, boolean multiLine) {
        if (text.length() > LONGEST * 2) {
            throw tooLong(field, text);
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String refused = refusal(codePoint, multiLine);
            if (refused != null) {
                throw new InvalidField(field, abbreviated(text), refused + " (at character " + (i + 1)
                        + ", U+" + String.format("%04X", codePoint) + ") is not allowed in this field");
            }
            i += Character.charCount(codePoint);
        }
        // most text arrives in NFC already; checking is cheaper than normalising
        String normalised = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        if (normalised.codePointCount(0, normalised.length()) > LONGEST) {
            throw tooLong(field, text);
        }
        return normalised;
    }

    /** Why a character is refused, or {@code null} when it is allowed. */
    private static String refusal(int codePoint, boolean multiLine) {
        if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
            return multiLine ? null : "a line break or tab";
        }
        if (Character.isISOControl(codePoint)) {
            return "a control character";
        }
        int type = Character.getType(codePoint);
        if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return multiLine ? null : "a line or paragraph separator";
        }
        if (type == Character.FORMAT && codePoint != ZERO_WIDTH_NON_JOINER && codePoint != ZERO_WIDTH_JOINER) {
            return "an invisible formatting character (such as a text-direction override or a zero-width space)";
        }
        if (Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE) {
            return "half of a UTF-16 surrogate pair (invalid UTF-8 or a lone \\uD800-\\uDFFF escape)";
        }
        if (!Character.isDefined(codePoint) || (codePoint & 0xFFFE) == 0xFFFE
                || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)) {
            return "an unassigned code point or non-character";
        }
        return null;
    }

    private static InvalidField tooLong(String field, String text) {
        return new InvalidField(field, abbreviated(text), "has at most " + LONGEST + " characters");
    }

    /**
     * Enough of a refused text to recognise it, without echoing a megabyte back, and with every
     * unpaired surrogate replaced by U+FFFD so that the answer itself is valid UTF-8.
     */
    public static String abbreviated(String text) {
        String shown = text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length() + " characters)";
        StringBuilder valid = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); ) {
            int codePoint = shown.codePointAt(i);
            valid.appendCodePoint(Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE
                    ? 0xFFFD : codePoint);
            i += Character.charCount(codePoint);
        }
        return valid.toString();
    }
}
