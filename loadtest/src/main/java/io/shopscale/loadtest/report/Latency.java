package io.shopscale.loadtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds with two decimals; all null when nothing was recorded. */
public record Latency(BigDecimal p50, BigDecimal p90, BigDecimal p95, BigDecimal p99,
        @JsonProperty("p99.9") BigDecimal p999, BigDecimal max) {

    static final Latency NONE = new Latency(null, null, null, null, null, null);

    /** Reads a histogram recorded in microseconds. */
    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(at(micros, 50), at(micros, 90), at(micros, 95), at(micros, 99), at(micros, 99.9),
                millis(micros.getMaxValue()));
    }

    static BigDecimal at(Histogram micros, double percentile) {
        return millis(micros.getValueAtPercentile(percentile));
    }

    static BigDecimal millis(long micros) {
        return BigDecimal.valueOf(micros, 3).setScale(2, RoundingMode.HALF_UP);
    }
}
