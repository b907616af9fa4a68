package io.shopscale.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class IncomingEventTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aWellFormedEnvelopeIsReadAndItsDataMappedToTheContractType() {
        String orderId = UUID.randomUUID().toString();
        byte[] value = envelope(EventType.ORDER_CONFIRMED, new OrderEvents.OrderConfirmed(orderId, "user-1",
                Instant.parse("2025-11-28T10:00:00Z")));

        IncomingEvent event = IncomingEvent.read(json, value);

        assertThat(event.is(EventType.ORDER_CONFIRMED)).isTrue();
        assertThat(event.is(EventType.ORDER_CANCELLED)).isFalse();
        assertThat(event.type()).isEqualTo("shopscale.order.confirmed.v1");
        assertThat(event.id()).isEqualTo(event.envelope().id()).isNotBlank();
        OrderEvents.OrderConfirmed data = event.data(OrderEvents.OrderConfirmed.class);
        assertThat(event.uuid(data.orderId(), "order id")).isEqualTo(UUID.fromString(orderId));
    }

    @Test
    void anIdOf128CharactersIsAccepted() {
        assertThat(IncomingEvent.read(json, withId("x".repeat(128))).id()).hasSize(128);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void recordsThatAreNoEnvelopeArePoison(String description, byte[] value, String reason) {
        assertThatExceptionOfType(PoisonEventException.class)
                .isThrownBy(() -> IncomingEvent.read(json, value))
                .withMessageStartingWith(reason);
    }

    static Stream<Arguments> recordsThatAreNoEnvelopeArePoison() {
        return Stream.of(
                Arguments.of("no value", null, "The record has no value."),
                Arguments.of("not JSON", bytes("this is not json {"), "The record is not an event envelope"),
                Arguments.of("JSON null", bytes("null"), "The record is not an event envelope"),
                Arguments.of("attributes missing", bytes("{\"id\":\"e-1\"}"), "The record is not an event envelope"),
                Arguments.of("blank id", withId(" "), "The event id must be 1 to 128 characters."),
                Arguments.of("id too long", withId("x".repeat(129)), "The event id must be 1 to 128 characters."));
    }

    @Test
    void dataThatDoesNotFitItsTypeIsPoison() {
        IncomingEvent event = IncomingEvent.read(json, bytes("""
                {"id":"e-1","type":"shopscale.order.confirmed.v1","source":"/test","time":"2025-11-28T10:00:00Z",
                 "data":{"orderId":"o-1","confirmedAt":"not a time"}}"""));

        assertThatExceptionOfType(PoisonEventException.class)
                .isThrownBy(() -> event.data(OrderEvents.OrderConfirmed.class))
                .withMessageStartingWith("The data of shopscale.order.confirmed.v1 is malformed: ");
    }

    @Test
    void nullDataIsPoison() {
        IncomingEvent event = IncomingEvent.read(json, bytes("""
                {"id":"e-1","type":"shopscale.order.confirmed.v1","source":"/test","time":"2025-11-28T10:00:00Z",
                 "data":null}"""));

        assertThatExceptionOfType(PoisonEventException.class)
                .isThrownBy(() -> event.data(OrderEvents.OrderConfirmed.class))
                .withMessage("The data of shopscale.order.confirmed.v1 is missing.");
    }

    @Test
    void anIdThatIsNoUuidIsPoisonNamingTheEvent() {
        IncomingEvent event = IncomingEvent.read(json, withId("e-7"));

        assertThatExceptionOfType(PoisonEventException.class)
                .isThrownBy(() -> event.uuid("not-a-uuid", "order id"))
                .withMessage("The order id of event e-7 is not a UUID.");
        assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> event.uuid(null, "order id"));
    }

    private static byte[] envelope(EventType type, Object data) {
        return json.writeValueAsBytes(EventEnvelope.of(type, "/test", "subject", data, Instant.now()));
    }

    private static byte[] withId(String id) {
        return bytes("""
                {"id":"%s","type":"shopscale.order.confirmed.v1","source":"/test","time":"2025-11-28T10:00:00Z",
                 "data":{}}""".formatted(id));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
