package io.shopscale.identity.token;

/**
 * A stored signing key does not open with the secret identity was given: the secret changed, or this instance was
 * given another one than the others. Identity stops rather than generate a new key, which would invalidate every
 * token issued and every key set the other services have cached.
 */
class WrongKeyEncryptionSecretException extends IllegalStateException {

    static final String REMEDY = "Start identity with the secret the key was stored with ("
            + KeyEncryptionSecret.VARIABLE + ", or the file " + KeyEncryptionSecret.FILE_VARIABLE + " names; "
            + "./shopscale up passes the one in <state>/secrets/identity-key-secret); every instance needs the same "
            + "one. Only if that secret is lost: delete the rows of identity.signing_key, and a new key is generated at "
            + "the next start; every token signed with the old key stops verifying then.";

    private final String problem;

    WrongKeyEncryptionSecretException(String kid, String secretSource, Throwable cause) {
        this(problem(kid, secretSource), cause);
    }

    private WrongKeyEncryptionSecretException(String problem, Throwable cause) {
        super(problem + " " + REMEDY, cause);
        this.problem = problem;
    }

    String problem() {
        return problem;
    }

    private static String problem(String kid, String secretSource) {
        return "Token signing key " + kid + " in identity.signing_key cannot be decrypted with the signing-key "
                + "encryption secret from " + secretSource + ": it was encrypted with another secret.";
    }
}
