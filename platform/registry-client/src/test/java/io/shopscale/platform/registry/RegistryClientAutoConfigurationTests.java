package io.shopscale.platform.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.netflix.discovery.shared.resolver.DefaultEndpoint;
import com.netflix.discovery.shared.transport.EurekaHttpClient;
import com.netflix.discovery.shared.transport.EurekaHttpResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration;
import org.springframework.cloud.netflix.eureka.http.EurekaClientHttpRequestFactorySupplier;
import org.springframework.cloud.netflix.eureka.http.RestClientTransportClientFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Eureka client, with the transport Spring Cloud configures, sends the registry's credentials as an
 * {@code Authorization: Basic} header on every call, and the password appears in no URL.
 */
class RegistryClientAutoConfigurationTests {

	private static final String PASSWORD = "registry-client-test-password-0123456789";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RegistryClientAutoConfiguration.class, DiscoveryClientOptionalArgsConfiguration.class));

	private final List<String> received = new CopyOnWriteArrayList<>();

	private HttpServer registry;

	@BeforeEach
	void startRegistry() throws IOException {
		this.registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.registry.createContext("/eureka/", this::answer);
		this.registry.start();
	}

	@AfterEach
	void stopRegistry() {
		this.registry.stop(0);
	}

	@Test
	void everyCallCarriesTheCredentialsInAHeader() {
		this.contexts.withPropertyValues("shopscale.registry.password=" + PASSWORD).run(context -> {
			EurekaHttpClient client = eurekaClient(context.getBean(EurekaClientHttpRequestFactorySupplier.class));

			EurekaHttpResponse<?> applications = client.getApplications();
			client.cancel("CATALOG", "catalog:8081");

			assertThat(applications.getStatusCode()).isEqualTo(200);
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString(("shopscale:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			assertThat(this.received).containsExactly("GET /eureka/apps/ " + basic,
					"DELETE /eureka/apps/CATALOG/catalog:8081 " + basic);
		});
	}

	@Test
	void theUserNameCanBeChosenToo() {
		this.contexts.withPropertyValues("shopscale.registry.username=platform",
				"shopscale.registry.password=" + PASSWORD).run(context -> {
			eurekaClient(context.getBean(EurekaClientHttpRequestFactorySupplier.class)).getApplications();

			assertThat(this.received).singleElement().asString().endsWith("Basic " + Base64.getEncoder()
				.encodeToString(("platform:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		});
	}

	@Test
	void withoutAPasswordCallsGoOutWithoutCredentials() {
		this.contexts.run(context -> {
			eurekaClient(context.getBean(EurekaClientHttpRequestFactorySupplier.class)).getApplications();

			assertThat(this.received).containsExactly("GET /eureka/apps/ none");
		});
	}

	@Test
	void aTransportOtherThanApachesGetsTheHeaderToo() {
		EurekaClientHttpRequestFactorySupplier plain = (ssl, verifier) -> new SimpleClientHttpRequestFactory();

		eurekaClient(new RegistryCredentialsRequests(plain, "Basic c2hvcHNjYWxlOnNlY3JldA==")).getApplications();

		assertThat(this.received).containsExactly("GET /eureka/apps/ Basic c2hvcHNjYWxlOnNlY3JldA==");
	}

	@Test
	void aRegistryClientThatIsOffGetsNothingFromHere() {
		this.contexts.withPropertyValues("eureka.client.enabled=false", "shopscale.registry.password=" + PASSWORD)
			.run(context -> assertThat(context).doesNotHaveBean(RegistryClientProperties.class)
				.getBean(EurekaClientHttpRequestFactorySupplier.class)
				.isNotInstanceOf(RegistryCredentialsRequests.class));
	}

	private EurekaHttpClient eurekaClient(EurekaClientHttpRequestFactorySupplier requests) {
		String serviceUrl = "http://127.0.0.1:" + this.registry.getAddress().getPort() + "/eureka/";
		return new RestClientTransportClientFactory(Optional.empty(), Optional.empty(), requests, RestClient::builder)
			.newClient(new DefaultEndpoint(serviceUrl));
	}

	private void answer(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
				+ (authorization == null ? "none" : authorization));
		byte[] body = "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\",\"application\":[]}}"
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
