package io.shopscale.loadtest.blackfriday.audit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger as the provider simulator serves it: {@code GET /v1/charges?orderRef=}, refunded charges included. */
class PspChargeLedgerTests {

    private static final UUID CHARGED_TWICE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID NEVER_CHARGED = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID BROKEN = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private HttpServer provider;

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/v1/charges", this::charges);
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void refundedChargesAreListedWithTheirStatus() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            PspChargeLedger ledger = new PspChargeLedger(client,
                    URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/"), Duration.ofSeconds(5), 2);

            ChargeLedger.Lookup lookup = ledger.charges(List.of(CHARGED_TWICE, NEVER_CHARGED, BROKEN));

            assertThat(lookup.byOrder().get(CHARGED_TWICE)).extracting(Charge::id, Charge::status, Charge::refunded)
                    .containsExactly(Tuple.tuple("ch_1", "succeeded", false),
                            Tuple.tuple("ch_2", "refunded", true));
            assertThat(lookup.byOrder().get(CHARGED_TWICE).get(1).amount()).isEqualTo(2499);
            assertThat(lookup.byOrder().get(NEVER_CHARGED)).isEmpty();
            assertThat(lookup.unanswered()).containsExactly(BROKEN);
        }
    }

    private void charges(HttpExchange exchange) throws IOException {
        String order = exchange.getRequestURI().getQuery().replace("orderRef=", "");
        if (order.equals(BROKEN.toString())) {
            respond(exchange, 500, "{}");
        }
        else if (order.equals(CHARGED_TWICE.toString())) {
            // The simulator's own shape (psp-simulator's Charge), oldest first.
            respond(exchange, 200, """
                    [{"id":"ch_1","status":"succeeded","amount":2499,"currency":"USD","customer":"u1",\
                    "orderRef":"%1$s","created":"2026-11-27T10:00:00Z","refunded":false,"refundId":null},
                     {"id":"ch_2","status":"refunded","amount":2499,"currency":"USD","customer":"u1",\
                    "orderRef":"%1$s","created":"2026-11-27T10:00:01Z","refunded":true,"refundId":"re_1"}]"""
                    .formatted(order));
        }
        else {
            respond(exchange, 200, "[]");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
