package io.shopscale.identity;

import java.time.Duration;
import java.util.List;

/** Identity settings for tests that build components by hand: the defaults of application.yml, changeable. */
public final class TestProperties {

    private TestProperties() {
    }

    public static IdentityProperties defaults() {
        return new IdentityProperties("shopscale-identity", "shopscale-api", Duration.ofMinutes(15),
                new IdentityProperties.Admin("admin@shopscale.local", null, "ShopScale Administrator", null),
                new IdentityProperties.Login(5, Duration.ofMinutes(15), 50, Duration.ofMinutes(15), 20,
                        Duration.ofMinutes(15), Duration.ofSeconds(5), List.of()),
                new IdentityProperties.Keys(2048, null, null, Duration.ofSeconds(60)),
                new IdentityProperties.Hashing(0, Duration.ofSeconds(3)));
    }

    public static IdentityProperties withAudience(IdentityProperties p, String audience) {
        return new IdentityProperties(p.issuer(), audience, p.tokenTtl(), p.admin(), p.login(), p.keys(), p.hashing());
    }

    public static IdentityProperties withIssuer(IdentityProperties p, String issuer) {
        return new IdentityProperties(issuer, p.audience(), p.tokenTtl(), p.admin(), p.login(), p.keys(), p.hashing());
    }

    public static IdentityProperties withAdmin(IdentityProperties p, String email, String password) {
        return new IdentityProperties(p.issuer(), p.audience(), p.tokenTtl(),
                new IdentityProperties.Admin(email, password, p.admin().name(), p.admin().passwordFile()), p.login(),
                p.keys(), p.hashing());
    }

    public static IdentityProperties withAdminPasswordFile(IdentityProperties p, String file) {
        IdentityProperties.Admin admin = p.admin();
        return new IdentityProperties(p.issuer(), p.audience(), p.tokenTtl(),
                new IdentityProperties.Admin(admin.email(), admin.password(), admin.name(), file), p.login(), p.keys(),
                p.hashing());
    }

    public static IdentityProperties withKeySecret(IdentityProperties p, String secret) {
        IdentityProperties.Keys keys = p.keys();
        return new IdentityProperties(p.issuer(), p.audience(), p.tokenTtl(), p.admin(), p.login(),
                new IdentityProperties.Keys(keys.rsaKeySize(), secret, keys.encryptionSecretFile(),
                        keys.refreshInterval()), p.hashing());
    }

    public static IdentityProperties withKeySecretFile(IdentityProperties p, String file) {
        IdentityProperties.Keys keys = p.keys();
        return new IdentityProperties(p.issuer(), p.audience(), p.tokenTtl(), p.admin(), p.login(),
                new IdentityProperties.Keys(keys.rsaKeySize(), keys.encryptionSecret(), file, keys.refreshInterval()),
                p.hashing());
    }

    public static IdentityProperties withHashing(IdentityProperties p, int maxConcurrent, Duration maxWait) {
        return new IdentityProperties(p.issuer(), p.audience(), p.tokenTtl(), p.admin(), p.login(), p.keys(),
                new IdentityProperties.Hashing(maxConcurrent, maxWait));
    }
}
