package io.shopscale.registry;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only clients with the registry's credentials may register, renew, cancel or read instances: anyone else could
 * register a fake {@code identity} and serve signing keys of their own to every service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "shopscale.registry.password=" + TestRegistryClient.PASSWORD)
class RegistryAccessTests {

	@LocalServerPort
	int port;

	@Test
	void aRegistrationWithoutCredentialsIsRefusedAndLeavesNoInstance() throws Exception {
		HttpResponse<String> refused = TestRegistryClient.anonymous(this.port)
			.register("IDENTITY", "identity-stranger-1", 30);

		assertRefused(refused);
		HttpResponse<String> apps = TestRegistryClient.withCredentials(this.port).get("/eureka/apps/IDENTITY");
		assertThat(apps.statusCode()).isEqualTo(404);
		assertThat(TestRegistryClient.withCredentials(this.port).get("/eureka/apps").body())
			.doesNotContain("identity-stranger-1");
	}

	@Test
	void aRegistrationWithTheCredentialsIsAccepted() throws Exception {
		TestRegistryClient identity = TestRegistryClient.withCredentials(this.port);

		assertThat(identity.register("IDENTITY", "identity-genuine-1", 30).statusCode()).isEqualTo(204);
		assertThat(identity.renew("IDENTITY", "identity-genuine-1").statusCode()).isEqualTo(200);
		assertThat(identity.get("/eureka/apps/IDENTITY").body()).contains("identity-genuine-1");
		assertThat(identity.cancel("IDENTITY", "identity-genuine-1").statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordOrUserNameIsRefusedLikeNone() throws Exception {
		TestRegistryClient wrongPassword = TestRegistryClient.as(this.port, TestRegistryClient.USERNAME,
				TestRegistryClient.PASSWORD + "x");
		TestRegistryClient wrongUser = TestRegistryClient.as(this.port, "admin", TestRegistryClient.PASSWORD);

		assertRefused(wrongPassword.register("IDENTITY", "identity-guess-1", 30));
		assertRefused(wrongUser.register("IDENTITY", "identity-guess-2", 30));
		assertThat(TestRegistryClient.withCredentials(this.port).get("/eureka/apps").body())
			.doesNotContain("identity-guess-1", "identity-guess-2");
	}

	@Test
	void readsRenewalsCancellationsAndTheDashboardNeedTheCredentialsToo() throws Exception {
		TestRegistryClient owner = TestRegistryClient.withCredentials(this.port);
		owner.register("CART", "cart-kept-1", 30);
		TestRegistryClient stranger = TestRegistryClient.anonymous(this.port);

		assertRefused(stranger.get("/eureka/apps"));
		assertRefused(stranger.get("/eureka/apps/CART"));
		assertRefused(stranger.renew("CART", "cart-kept-1"));
		assertRefused(stranger.cancel("CART", "cart-kept-1"));
		assertRefused(stranger.get("/", "text/html"));
		assertThat(owner.get("/eureka/apps/CART").body()).contains("cart-kept-1");
		assertThat(owner.get("/", "text/html").statusCode()).isEqualTo(200);
	}

	private static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Basic realm="));
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":401", "\"title\":\"Unauthorized\"")
			.doesNotContain("<html", "trace", "Exception");
	}

}
