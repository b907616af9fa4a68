package io.shopscale.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTests {

	@Test
	void noInstanceIsServiceUnavailable() {
		assertThat(Failure.of(NotFoundException.create(false, "Unable to find instance for catalog")).status())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void refusedOrBrokenConnectionIsBadGateway() {
		assertThat(Failure.of(new ConnectException("Connection refused: /127.0.0.1:9")).status())
			.isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(Failure.of(new IOException("Connection reset by peer")).status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(Failure.of(new IllegalStateException("wrapped", new ConnectException("refused"))).status())
			.isEqualTo(HttpStatus.BAD_GATEWAY);
	}

	@Test
	void slowUpstreamIsGatewayTimeout() {
		assertThat(Failure.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer")).status())
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(Failure.of(new ConnectTimeoutException("connection timed out")).status())
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(Failure.of(new TimeoutException()).status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void clientErrorsKeepTheirStatusAndReason() {
		Failure failure = Failure.of(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED, "Request method 'PUT' is not supported."));

		assertThat(failure.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(failure.detail()).isEqualTo("Request method 'PUT' is not supported.");
	}

	@Test
	void anythingElseIsAGenericInternalError() {
		Failure failure = Failure.of(new IllegalStateException("secret internal detail at db-7:5432"));

		assertThat(failure.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(failure.detail()).isEqualTo("An unexpected error occurred.");
	}

	@Test
	void serverErrorReasonsAreNotShown() {
		Failure failure = Failure.of(new ResponseStatusException(HttpStatus.BAD_GATEWAY, "host db-7:5432 said no"));

		assertThat(failure.detail()).doesNotContain("db-7");
	}

}
