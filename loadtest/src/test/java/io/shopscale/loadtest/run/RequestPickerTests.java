package io.shopscale.loadtest.run;

import java.util.List;
import java.util.stream.IntStream;

import io.shopscale.loadtest.http.Outcome;
import io.shopscale.loadtest.http.Transport.PreparedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPickerTests {

    private final List<PreparedRequest> requests = IntStream.range(0, 10)
            .<PreparedRequest>mapToObj(i -> () -> Outcome.response(200 + i)).toList();

    @Test
    void theSameSeedDrawsTheSameSequence() {
        assertThat(draw(new RequestPicker(requests, 7, 1, 3))).isEqualTo(draw(new RequestPicker(requests, 7, 1, 3)));
    }

    @Test
    void workersAndSeedsDrawDifferentSequences() {
        List<Integer> base = draw(new RequestPicker(requests, 7, 1, 3));

        assertThat(draw(new RequestPicker(requests, 7, 1, 4))).isNotEqualTo(base);
        assertThat(draw(new RequestPicker(requests, 8, 1, 3))).isNotEqualTo(base);
    }

    private static List<Integer> draw(RequestPicker picker) {
        return IntStream.range(0, 50).map(i -> picker.next().execute().status()).boxed().toList();
    }
}
