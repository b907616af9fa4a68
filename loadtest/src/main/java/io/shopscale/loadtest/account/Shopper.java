package io.shopscale.loadtest.account;

import java.time.Duration;
import java.time.Instant;

/**
 * A registered account and its current access token. Tokens live at most 15 minutes, so a long run logs the shopper
 * in again shortly before the token expires ({@link #needsLogin}); a token the gateway refused is dropped at once.
 *
 * @param subject the token's {@code sub}: the id the services file the shopper's cart and orders under
 */
public final class Shopper {

    /** Log in again this long before expiry: a request signed just before expiry must still pass the gateway. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(90);

    private final int index;
    private final String email;
    private final String password;
    private final String subject;
    private volatile AccessToken token;

    public Shopper(int index, String email, String password, AccessToken token) {
        this.index = index;
        this.email = email;
        this.password = password;
        this.subject = token.subject();
        this.token = token;
    }

    public int index() {
        return index;
    }

    public String email() {
        return email;
    }

    String password() {
        return password;
    }

    public String subject() {
        return subject;
    }

    public AccessToken token() {
        return token;
    }

    public boolean needsLogin(Instant now) {
        AccessToken current = token;
        return current == null || !now.isBefore(current.expiresAt().minus(RENEW_BEFORE));
    }

    void renewed(AccessToken fresh) {
        token = fresh;
    }

    /** The gateway said 401: the token is no good any more, whatever its expiry says. */
    public void rejected(AccessToken stale) {
        if (token == stale) {
            token = null;
        }
    }
}
