package io.shopscale.identity.password;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B style rules for a new password: long enough, bounded (the hash input stays cheap), not built from
 * the account's own email address, and not a common password. No composition rules (digits, symbols, case): they
 * make passwords harder to remember, not to guess.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** A local part shorter than this is only refused as the whole password, never as a substring of it. */
    static final int MIN_LOCAL_PART_TO_MATCH_INSIDE = 3;

    private final CommonPasswords commonPasswords;

    public PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /**
     * The first rule the password breaks, if any. Length counts Unicode code points, so an emoji is one character.
     *
     * @param emailLocalPart the normalised part of the account's email before the {@code @}
     */
    public Optional<PasswordRule> firstViolation(String password, String emailLocalPart) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(PasswordRule.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(PasswordRule.TOO_LONG);
        }
        if (containsLocalPart(password, emailLocalPart)) {
            return Optional.of(PasswordRule.CONTAINS_EMAIL);
        }
        if (commonPasswords.isCommon(password)) {
            return Optional.of(PasswordRule.COMMON);
        }
        return Optional.empty();
    }

    private static boolean containsLocalPart(String password, String localPart) {
        if (localPart == null || localPart.isEmpty()) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = localPart.toLowerCase(Locale.ROOT);
        return lower.equals(local) || (local.length() >= MIN_LOCAL_PART_TO_MATCH_INSIDE && lower.contains(local));
    }
}
