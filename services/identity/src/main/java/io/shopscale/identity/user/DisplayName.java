package io.shopscale.identity.user;

import io.shopscale.platform.web.InvalidParameterException;
import java.text.Normalizer;

/**
 * How a user wants to be addressed: 1 to 100 characters (Unicode code points, NFC), emoji welcome. Control
 * characters (NUL, newlines) and the bidirectional overrides that make text display in another order than it is
 * stored (U+202E and friends) are refused: they exist here only to spoof what other people see.
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 100;

    public DisplayName {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidParameterException("name", problem);
        }
    }

    public static DisplayName parse(String raw) {
        if (raw == null) {
            throw new InvalidParameterException("name", "'name' is required.");
        }
        // Cheap bound before normalising: no 100-character name takes more than 4 UTF-16 units per character.
        if (raw.length() > 4 * MAX_LENGTH + 64) {
            throw new InvalidParameterException("name", "'name' must be at most " + MAX_LENGTH + " characters.");
        }
        return new DisplayName(Normalizer.normalize(raw, Normalizer.Form.NFC).strip());
    }

    private static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "'name' is required.";
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            return "'name' must be at most " + MAX_LENGTH + " characters.";
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.SURROGATE) {
                return "'name' must not contain control characters.";
            }
            if (isBidiControl(cp)) {
                return "'name' must not contain bidirectional formatting characters.";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
