package io.shopscale.identity.user;

import io.shopscale.platform.web.InvalidParameterException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised email address, the account's unique name.
 *
 * <p>Normalisation: surrounding whitespace is removed and the whole address, local part included, is lower-cased.
 * RFC 5321 lets a mail server treat the local part case-sensitively, but no mainstream provider does, and two
 * accounts for {@code Ann@x.org} and {@code ann@x.org} would be a support problem, not a feature. Nothing else is
 * rewritten: dots and {@code +tags} are kept, because their meaning is provider-specific.
 *
 * <p>Only ASCII addresses (RFC 5321 without the SMTPUTF8 extension) are accepted: internationalised addresses invite
 * look-alike accounts ({@code аdmin} with a Cyrillic {@code а}) and case-mapping surprises, for little gain here.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART_LENGTH = 64;

    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*");
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile("(?:" + LABEL + "\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidParameterException("email", problem);
        }
    }

    /** Normalises and checks what a client sent; a {@link InvalidParameterException} names the problem. */
    public static EmailAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException("email", "'email' is required.");
        }
        if (raw.length() > MAX_LENGTH + 64) {
            throw new InvalidParameterException("email", "'email' must be at most " + MAX_LENGTH + " characters.");
        }
        return new EmailAddress(normalise(raw));
    }

    /** The address as an account would be stored, or empty when no account can have it. */
    public static Optional<EmailAddress> tryParse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH + 64) {
            return Optional.empty();
        }
        String normalised = normalise(raw);
        return problemWith(normalised) == null ? Optional.of(new EmailAddress(normalised)) : Optional.empty();
    }

    /**
     * Trims and lower-cases. Non-ASCII characters are left alone (and later rejected) rather than case-mapped: the
     * Kelvin sign K would otherwise become an ASCII k.
     */
    public static String normalise(String raw) {
        String trimmed = raw.strip();
        return isAscii(trimmed) ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    private static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "'email' is required.";
        }
        if (value.length() > MAX_LENGTH) {
            return "'email' must be at most " + MAX_LENGTH + " characters.";
        }
        if (!isAscii(value)) {
            return "'email' must be an ASCII email address.";
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return "'email' must be an email address such as name@example.com.";
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.matcher(local).matches()
                || !DOMAIN.matcher(domain).matches() || !value.equals(value.toLowerCase(Locale.ROOT))) {
            return "'email' must be an email address such as name@example.com.";
        }
        return null;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7E || s.charAt(i) < 0x20) {
                return false;
            }
        }
        return true;
    }
}
