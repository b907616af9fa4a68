package io.shopscale.loadtest.blackfriday;

import io.shopscale.loadtest.blackfriday.audit.Answers;
import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import io.shopscale.loadtest.blackfriday.traffic.RecordedAnswers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRunTests {

    @Test
    void everyServerErrorIsTalliedWithTheRetryAfterOfItsServiceUnavailables() {
        var measurements = new RecordedAnswers()
                .answer(Endpoint.CHECKOUT, 202, null, 5)
                .answer(Endpoint.CHECKOUT, 503, "2", 3)
                .answer(Endpoint.CHECKOUT, 503, null, 1)
                .answer(Endpoint.CHECKOUT, 429, "1", 2)
                .answer(Endpoint.SEARCH, 500, null, 1)
                .timeout(Endpoint.ORDER)
                .measurements();

        assertThat(AuditRun.serverErrors(measurements)).containsExactlyInAnyOrder(
                new Answers.ServerErrors("checkout", 503, 4, 3), new Answers.ServerErrors("search", 500, 1, 0));
    }
}
