package io.shopscale.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity service, under {@code shopscale.identity}.
 *
 * @param issuer the {@code iss} of every access token
 * @param audience the {@code aud} of every access token: the APIs behind the gateway
 * @param tokenTtl how long an access token is valid; at most 15 minutes, because nothing revokes a token early
 * @param admin the administrator created at first start
 * @param login brute-force throttling of logins
 * @param keys the token signing keys
 * @param hashing how many password hashes may be computed at once
 */
@ConfigurationProperties("shopscale.identity")
public record IdentityProperties(
        @DefaultValue("shopscale-identity") String issuer,
        @DefaultValue("shopscale-api") String audience,
        @DefaultValue("15m") Duration tokenTtl,
        @DefaultValue Admin admin,
        @DefaultValue Login login,
        @DefaultValue Keys keys,
        @DefaultValue Hashing hashing) {

    public static final Duration MAX_TOKEN_TTL = Duration.ofMinutes(15);

    public IdentityProperties {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("shopscale.identity.issuer and .audience must not be blank");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("shopscale.identity.token-ttl must be between 1s and 15m, not " + tokenTtl);
        }
    }

    /**
     * @param email the administrator's email address
     * @param password the administrator's initial password (from {@code SHOPSCALE_ADMIN_PASSWORD}); when blank, a
     *                 random one is generated and written to {@code passwordFile}, never to the log
     * @param name the administrator's display name
     * @param passwordFile where a generated password goes, readable by this service's user only (from
     *                     {@code SHOPSCALE_ADMIN_PASSWORD_FILE})
     */
    public record Admin(
            @DefaultValue("admin@shopscale.local") String email,
            String password,
            @DefaultValue("ShopScale Administrator") String name,
            String passwordFile) {
    }

    /**
     * Brute-force throttling of logins. Every budget is a fixed window that opens with its first counted attempt.
     *
     * @param maxAccountAddressFailures failed logins for one account from one client address within
     *                                  {@code accountAddressWindow}; then that address waits for that account. Five
     *                                  leave room for an owner's typos and stop a guesser there at 20 guesses an hour
     * @param accountAddressWindow how long those failures are remembered
     * @param maxAddressFailures failed logins from one client address, at any accounts, within {@code addressWindow}:
     *                           the limit on credential stuffing from one address. Fifty leave room for an office or a
     *                           household behind one NAT address
     * @param addressWindow how long an address's failures are remembered
     * @param accountCeiling failed logins for one account from all addresses within {@code accountWindow} before the
     *                       account is slowed: past it, one attempt per {@code accountTrickle} is admitted, from
     *                       whichever address asks first. Twenty is four addresses' worth of the budget above, so
     *                       only a guesser spread over many addresses meets it. Slowed, never refused: failures from
     *                       elsewhere must not lock the owner out
     * @param accountWindow how long an account's failures are remembered
     * @param accountTrickle how often a slowed account admits an attempt. Five seconds keep a distributed guesser to
     *                       180 guesses per window while the owner waits a few seconds at most; at most a minute, so
     *                       slowing never turns into locking
     * @param trustedProxies IP addresses and CIDR ranges of the proxies in front of this service (the gateway) whose
     *                       {@code X-Forwarded-For} is believed; empty (the default) means the connection's peer is the
     *                       client, whatever the header says
     */
    public record Login(
            @DefaultValue("5") int maxAccountAddressFailures,
            @DefaultValue("15m") Duration accountAddressWindow,
            @DefaultValue("50") int maxAddressFailures,
            @DefaultValue("15m") Duration addressWindow,
            @DefaultValue("20") int accountCeiling,
            @DefaultValue("15m") Duration accountWindow,
            @DefaultValue("5s") Duration accountTrickle,
            @DefaultValue List<String> trustedProxies) {

        public static final Duration MIN_TRICKLE = Duration.ofMillis(100);
        public static final Duration MAX_TRICKLE = Duration.ofMinutes(1);

        public Login {
            if (maxAccountAddressFailures < 1 || maxAddressFailures < 1 || accountCeiling < 1) {
                throw new IllegalArgumentException("login failure budgets and the account ceiling must be at least 1");
            }
            if (accountAddressWindow.toMillis() < 1_000 || addressWindow.toMillis() < 1_000
                    || accountWindow.toMillis() < 1_000) {
                throw new IllegalArgumentException("login throttling windows must be at least 1s");
            }
            if (accountTrickle.compareTo(MIN_TRICKLE) < 0 || accountTrickle.compareTo(MAX_TRICKLE) > 0
                    || accountTrickle.compareTo(accountWindow) > 0) {
                throw new IllegalArgumentException("shopscale.identity.login.account-trickle must be between 100ms and"
                        + " 1m and within account-window, not " + accountTrickle);
            }
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }
    }

    /**
     * Private keys are always stored AES-256-GCM encrypted, with a key derived from the key-encryption secret.
     *
     * @param rsaKeySize the size of generated RSA signing keys: 2048, 3072 or 4096 bits
     * @param encryptionSecret the key-encryption secret (from {@code SHOPSCALE_IDENTITY_KEY_SECRET}, at least 32
     *                         characters); when blank, the one in {@code encryptionSecretFile}
     * @param encryptionSecretFile where the key-encryption secret is kept when {@code encryptionSecret} is blank
     *                             (from {@code SHOPSCALE_IDENTITY_KEY_SECRET_FILE}): generated there, readable by this
     *                             service's user only, if it does not exist yet
     * @param refreshInterval how often the keys are re-read from the database, so every instance sees a rotation
     */
    public record Keys(
            @DefaultValue("2048") int rsaKeySize,
            String encryptionSecret,
            String encryptionSecretFile,
            @DefaultValue("60s") Duration refreshInterval) {

        public Keys {
            if (rsaKeySize != 2048 && rsaKeySize != 3072 && rsaKeySize != 4096) {
                throw new IllegalArgumentException("shopscale.identity.keys.rsa-key-size must be 2048, 3072 or 4096");
            }
        }

        @Override
        public String toString() {
            return "Keys[rsaKeySize=" + rsaKeySize + ", encryptionSecret=" + (isBlank(encryptionSecret) ? "" : "***")
                    + ", encryptionSecretFile=" + encryptionSecretFile + ", refreshInterval=" + refreshInterval + "]";
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }

    /**
     * @param maxConcurrent password hashes computed at once; each Argon2id hash holds 19 MiB while it runs
     * @param maxWait how long a request waits for a free slot before it is answered 503
     */
    public record Hashing(
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("3s") Duration maxWait) {

        /** Zero (the default) means twice the number of processors. */
        public int effectiveMaxConcurrent() {
            return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
        }
    }
}
