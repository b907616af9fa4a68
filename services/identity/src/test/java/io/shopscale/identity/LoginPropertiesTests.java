package io.shopscale.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LoginPropertiesTests {

    @Test
    void theDefaultsAreValidAndTrustNoProxy() {
        IdentityProperties.Login login = TestProperties.defaults().login();

        assertThat(login.accountCeiling()).isEqualTo(20);
        assertThat(login.trustedProxies()).isEmpty();
        assertThat(login(Duration.ofSeconds(5), null).trustedProxies()).isEmpty();
    }

    @Test
    void trustedProxiesBindFromACommaSeparatedVariableAndAnEmptyOneTrustsNone() {
        assertThat(bind("").login().trustedProxies()).isEmpty();
        assertThat(bind("127.0.0.1,::1").login().trustedProxies()).containsExactly("127.0.0.1", "::1");
    }

    @Test
    void aSlowedAccountAdmitsAnAttemptAtLeastOncePerMinute() {
        assertThat(login(Duration.ofMillis(100), List.of()).accountTrickle()).isEqualTo(Duration.ofMillis(100));
        assertThat(login(Duration.ofMinutes(1), List.of()).accountTrickle()).isEqualTo(Duration.ofMinutes(1));
        for (Duration trickle : List.of(Duration.ZERO, Duration.ofMillis(99), Duration.ofSeconds(61))) {
            assertThatThrownBy(() -> login(trickle, List.of())).as(trickle.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("account-trickle");
        }
    }

    @Test
    void budgetsAndWindowsMustBePositive() {
        Duration window = Duration.ofMinutes(15);
        Duration trickle = Duration.ofSeconds(5);
        assertThatThrownBy(() -> new IdentityProperties.Login(5, window, 50, window, 0, window, trickle, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityProperties.Login(0, window, 50, window, 20, window, trickle, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityProperties.Login(5, window, 50, window, 20, Duration.ofMillis(500),
                Duration.ofMillis(200), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityProperties.Login(5, window, 50, window, 20, Duration.ofSeconds(2),
                Duration.ofSeconds(3), List.of())).as("trickle beyond the window")
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** As application.yml binds it from SHOPSCALE_IDENTITY_TRUSTED_PROXIES. */
    private static IdentityProperties bind(String trustedProxies) {
        var source = new MapConfigurationPropertySource(Map.of(
                "shopscale.identity.login.trusted-proxies", trustedProxies));
        return new Binder(source).bindOrCreate("shopscale.identity", IdentityProperties.class);
    }

    private static IdentityProperties.Login login(Duration trickle, List<String> trustedProxies) {
        Duration window = Duration.ofMinutes(15);
        return new IdentityProperties.Login(5, window, 50, window, 20, window, trickle, trustedProxies);
    }
}
