package io.shopscale.payment.provider;

import io.shopscale.payment.domain.ChargeOutcome;
import io.shopscale.payment.domain.ChargeRequest;
import io.shopscale.payment.domain.Reconciliation;
import io.shopscale.payment.domain.RefundOutcome;
import io.shopscale.payment.domain.RefundRequest;
import io.shopscale.payment.provider.ProviderAnswers.Classified;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP call to the provider's charge or refund API. Every failure is an answer here, never an exception, sorted
 * by what it says about the money: a refused connection sent nothing, a timeout may have charged.
 */
final class ProviderApi implements AutoCloseable {

    /** How long a response may take to finish arriving once its headers are in. */
    private static final Duration BODY_GRACE = Duration.ofMillis(500);

    private final HttpClient http;
    private final JsonMapper json;
    private final String charges;
    private final String refunds;
    private final Duration callTimeout;

    ProviderApi(ProviderProperties properties, JsonMapper json) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        this.json = json;
        String base = properties.baseUrl().toString();
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.charges = root + "/v1/charges";
        this.refunds = root + "/v1/refunds";
        this.callTimeout = properties.callTimeout();
    }

    ProviderAnswer<ChargeOutcome> charge(ChargeRequest request) {
        HttpRequest post = post(charges, request.idempotencyKey(), new ChargeBody(request.amount(),
                request.currency(), request.customer(), request.orderId().toString()));
        return exchange(post, (status, answer) -> ProviderAnswers.charge(status, read(answer)),
                ChargeOutcome.NotSent::new, ChargeOutcome.Unknown::new);
    }

    ProviderAnswer<Reconciliation> lookUp(UUID orderId) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(charges + "?orderRef=" + orderId))
                .timeout(callTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return exchange(get, (status, answer) -> ProviderAnswers.lookUp(orderId, status, read(answer)),
                Reconciliation.Unreachable::new, Reconciliation.Unreachable::new);
    }

    ProviderAnswer<RefundOutcome> refund(RefundRequest request) {
        HttpRequest post = post(refunds, request.idempotencyKey(), new RefundBody(request.chargeId()));
        return exchange(post, (status, answer) -> ProviderAnswers.refund(status, read(answer)),
                RefundOutcome.Unconfirmed::new, RefundOutcome.Unconfirmed::new);
    }

    /** A JSON POST under an idempotency key, as charges and refunds both are. */
    private HttpRequest post(String url, String idempotencyKey, Object body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(callTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
    }

    @Override
    public void close() {
        http.close();
    }

    private <T> ProviderAnswer<T> exchange(HttpRequest request, AnswerReader<T> reader,
                                           Function<String, T> notSent, Function<String, T> unknown) {
        long start = System.nanoTime();
        Classified<T> answer;
        try {
            HttpResponse<String> response = send(request);
            answer = reader.read(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            answer = Classified.failure(notSent.apply("no connection within the connect timeout"),
                    "connect_timeout", null, true, true);
        } catch (HttpTimeoutException e) {
            answer = Classified.failure(unknown.apply("no answer within " + callTimeout), "timeout", null, true,
                    true);
        } catch (ConnectException e) {
            answer = Classified.failure(notSent.apply("connection refused"), "connection_refused", null, true, true);
        } catch (IOException e) {
            answer = Classified.failure(unknown.apply("connection failed: " + e), "connection_failed", null, true,
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Classified.failure(unknown.apply("interrupted"), "interrupted", null, false, false);
        }
        return answer.took(Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The request timeout only covers the wait for the response's headers: a body that never completes would hold
     * the worker, and its bulkhead permit, for good. The whole exchange therefore also has a hard deadline, past
     * which it is abandoned and counts as a lost answer (the charge may have been made).
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return exchange.get(callTimeout.plus(BODY_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + callTimeout.plus(BODY_GRACE));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IOException(e.getCause());
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private record ChargeBody(long amount, String currency, String customer, String orderRef) {
    }

    private record RefundBody(String charge) {
    }

    @FunctionalInterface
    private interface AnswerReader<T> {
        Classified<T> read(int status, String body);
    }
}
