package io.shopscale.psp.charge;

import io.shopscale.psp.idempotency.StoredResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the charge and refund API's answers. Each is serialized once into a {@link StoredResponse}, and both the
 * first answer and every replay are sent from it, so a replay is the original byte for byte.
 */
@Component
class Answers {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final URI PROVIDER_ERROR = URI.create("/problems/provider-error");
    static final URI NO_ANSWER = URI.create("/problems/no-answer");

    private final JsonMapper json;

    Answers(JsonMapper json) {
        // The problem mix-in writes a problem's extra properties at the top level, as Spring MVC's converter does.
        this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    StoredResponse charged(Charge charge) {
        return stored(HttpStatus.OK, MediaType.APPLICATION_JSON, charge);
    }

    StoredResponse refunded(Refund refund) {
        return stored(HttpStatus.OK, MediaType.APPLICATION_JSON, refund);
    }

    StoredResponse declined(String code) {
        return stored(HttpStatus.PAYMENT_REQUIRED, MediaType.APPLICATION_JSON, new Declined(code));
    }

    StoredResponse failed(URI instance, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The provider failed to process the charge; nothing was charged.");
        problem.setType(PROVIDER_ERROR);
        problem.setTitle("Provider error");
        return stored(HttpStatus.INTERNAL_SERVER_ERROR, MediaType.APPLICATION_PROBLEM_JSON,
                decorate(problem, instance, requestId));
    }

    /** What a held request finally gets, as a gateway in front of an unresponsive provider would answer. */
    ResponseEntity<byte[]> noAnswer(URI instance, String requestId) {
        return noAnswer("charge", instance, requestId);
    }

    /** @param subject what may have been made without an answer: "charge" or "refund" */
    ResponseEntity<byte[]> noAnswer(String subject, URI instance, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, "The provider did not "
                + "answer. The " + subject + " may have been made: retry with the same Idempotency-Key.");
        problem.setType(NO_ANSWER);
        problem.setTitle("No answer");
        return send(stored(HttpStatus.GATEWAY_TIMEOUT, MediaType.APPLICATION_PROBLEM_JSON,
                decorate(problem, instance, requestId)), false);
    }

    ResponseEntity<byte[]> send(StoredResponse response, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType()));
        if (replayed) {
            answer.header(REPLAYED_HEADER, "true");
        }
        return answer.body(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private StoredResponse stored(HttpStatus status, MediaType contentType, Object body) {
        return new StoredResponse(status.value(), contentType.toString(), json.writeValueAsString(body));
    }

    private static ProblemDetail decorate(ProblemDetail problem, URI instance, String requestId) {
        problem.setInstance(instance);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
