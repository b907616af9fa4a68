package io.shopscale.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** Calls a registry the way an Eureka client does, with the given HTTP Basic credentials or none. */
final class TestRegistryClient {

	static final String USERNAME = "shopscale";

	/** What the registry under test is started with ({@code shopscale.registry.password}). */
	static final String PASSWORD = "registry-test-password-0123456789abcdefghij";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int port;

	private final Optional<String> authorization;

	private TestRegistryClient(int port, Optional<String> authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	static TestRegistryClient withCredentials(int port) {
		return as(port, USERNAME, PASSWORD);
	}

	static TestRegistryClient as(int port, String username, String password) {
		String basic = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new TestRegistryClient(port, Optional.of("Basic " + basic));
	}

	static TestRegistryClient anonymous(int port) {
		return new TestRegistryClient(port, Optional.empty());
	}

	HttpResponse<String> register(String app, String instanceId, int leaseSeconds) throws Exception {
		String body = """
				{"instance": {
				  "instanceId": "%s",
				  "hostName": "127.0.0.1",
				  "app": "%s",
				  "vipAddress": "%s",
				  "ipAddr": "127.0.0.1",
				  "status": "UP",
				  "port": {"$": 9001, "@enabled": "true"},
				  "securePort": {"$": 443, "@enabled": "false"},
				  "leaseInfo": {"renewalIntervalInSecs": 1, "durationInSecs": %d},
				  "dataCenterInfo": {
				    "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
				    "name": "MyOwn"
				  }
				}}
				""".formatted(instanceId, app, app.toLowerCase(java.util.Locale.ROOT), leaseSeconds);
		return send(request("/eureka/apps/" + app).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body)));
	}

	HttpResponse<String> renew(String app, String instanceId) throws Exception {
		return send(request("/eureka/apps/" + app + "/" + instanceId + "?status=UP")
			.PUT(BodyPublishers.noBody()));
	}

	HttpResponse<String> cancel(String app, String instanceId) throws Exception {
		return send(request("/eureka/apps/" + app + "/" + instanceId).DELETE());
	}

	HttpResponse<String> get(String path) throws Exception {
		return get(path, "application/json");
	}

	HttpResponse<String> get(String path, String accept) throws Exception {
		return send(request(path).header("Accept", accept).GET());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		this.authorization.ifPresent(value -> request.header("Authorization", value));
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
