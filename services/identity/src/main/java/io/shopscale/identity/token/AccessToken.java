package io.shopscale.identity.token;

/**
 * A signed access token and how many seconds it stays valid.
 *
 * @param value the compact JWS
 */
public record AccessToken(String value, long expiresInSeconds) {

    @Override
    public String toString() {
        return "AccessToken[expiresInSeconds=" + expiresInSeconds + "]";
    }
}
