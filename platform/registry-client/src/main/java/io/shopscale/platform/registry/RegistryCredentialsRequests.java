package io.shopscale.platform.registry;

import java.util.List;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;

import org.springframework.cloud.netflix.eureka.http.EurekaClientHttpRequestFactorySupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.InterceptingClientHttpRequestFactory;

/**
 * The Eureka client's HTTP requests, each carrying the registry's credentials in an {@code Authorization} header.
 * Spring Cloud would also take them from user info in the service URL ({@code http://user:pass@host/eureka/}), but a
 * URL is printed in places a header never is; here the password is in no URL at all.
 */
final class RegistryCredentialsRequests implements EurekaClientHttpRequestFactorySupplier {

	private final EurekaClientHttpRequestFactorySupplier transport;

	private final String authorization;

	/**
	 * @param transport what makes the requests, as Spring Cloud would configure it
	 * @param authorization the {@code Authorization} header's value
	 */
	RegistryCredentialsRequests(EurekaClientHttpRequestFactorySupplier transport, String authorization) {
		this.transport = transport;
		this.authorization = authorization;
	}

	@Override
	public ClientHttpRequestFactory get(SSLContext sslContext, HostnameVerifier hostnameVerifier) {
		ClientHttpRequestFactory requests = this.transport.get(sslContext, hostnameVerifier);
		if (requests instanceof HttpComponentsClientHttpRequestFactory apache) {
			// Kept an Apache factory: that is what the Eureka client closes the connection pool of at shutdown.
			return new AuthorizedApacheRequests(apache.getHttpClient(), this.authorization);
		}
		return new InterceptingClientHttpRequestFactory(requests, List.of((request, body, execution) -> {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.authorization);
			return execution.execute(request, body);
		}));
	}

	private static final class AuthorizedApacheRequests extends HttpComponentsClientHttpRequestFactory {

		private final String authorization;

		AuthorizedApacheRequests(HttpClient client, String authorization) {
			super(client);
			this.authorization = authorization;
		}

		@Override
		protected void postProcessHttpRequest(ClassicHttpRequest request) {
			request.setHeader(HttpHeaders.AUTHORIZATION, this.authorization);
		}

	}

}
