package io.shopscale.loadtest.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

/** A bearer token with its subject and the moment it stops being accepted. */
public record AccessToken(String value, String subject, Instant expiresAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Reads the subject from the token's payload. The signature is not checked: the gateway does that; the load
     * generator only needs the id that orders are filed under.
     */
    static AccessToken of(String jwt, long expiresInSeconds, Instant now) {
        String[] parts = jwt.split("\\.");
        String subject = "";
        if (parts.length == 3) {
            try {
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                subject = JSON.readTree(payload).path("sub").asString("");
            }
            catch (IllegalArgumentException | tools.jackson.core.JacksonException ex) {
                subject = "";
            }
        }
        if (subject.isEmpty()) {
            throw new IllegalStateException("the access token carries no subject");
        }
        return new AccessToken(jwt, subject, now.plusSeconds(expiresInSeconds));
    }

    public String header() {
        return "Bearer " + value;
    }
}
