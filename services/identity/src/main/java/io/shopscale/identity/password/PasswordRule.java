package io.shopscale.identity.password;

/** The rules a new password must keep; each names itself in the 400 that a broken rule gets. */
public enum PasswordRule {

    TOO_SHORT("too-short", "'password' must be at least " + PasswordPolicy.MIN_LENGTH + " characters."),
    TOO_LONG("too-long", "'password' must be at most " + PasswordPolicy.MAX_LENGTH + " characters."),
    CONTAINS_EMAIL("contains-email", "'password' must not contain the part of the email address before the @."),
    COMMON("common", "'password' is a commonly used password; choose one that is harder to guess.");

    private final String code;
    private final String message;

    PasswordRule(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The stable, machine-readable name of the rule, sent as the problem's {@code rule}. */
    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
