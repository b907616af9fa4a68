package io.shopscale.loadtest.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

import io.shopscale.loadtest.run.ExpectedStatus;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the option types. Each turns a parse failure into a
 * {@link TypeConversionException}, which picocli reports as "Invalid value for option …: reason".
 */
public final class Converters {

    private Converters() {
    }

    public static final class Durations extends Checked<Duration> {

        public Durations() {
            super(DurationText::parse);
        }
    }

    public static final class Targets extends Checked<TargetSpec> {

        public Targets() {
            super(TargetSpec::parse);
        }
    }

    public static final class Headers extends Checked<Header> {

        public Headers() {
            super(Header::parse);
        }
    }

    public static final class TargetHeaders extends Checked<TargetHeader> {

        public TargetHeaders() {
            super(TargetHeader::parse);
        }
    }

    public static final class Statuses extends Checked<ExpectedStatus> {

        public Statuses() {
            super(ExpectedStatus::parse);
        }
    }

    /** A fraction such as {@code 0.01} or a percentage such as {@code 1%}. */
    public static final class ErrorRates extends Checked<Double> {

        public ErrorRates() {
            super(ErrorRates::parse);
        }

        public static Double parse(String value) {
            String text = value.trim();
            BigDecimal rate;
            try {
                rate = text.endsWith("%")
                        ? new BigDecimal(text.substring(0, text.length() - 1).trim()).movePointLeft(2)
                        : new BigDecimal(text);
            }
            catch (NumberFormatException ex) {
                rate = BigDecimal.valueOf(-1);
            }
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(
                        "'" + value + "' is not an error rate; use a fraction 0..1 such as 0.01, or 1%");
            }
            return rate.doubleValue();
        }
    }

    abstract static class Checked<T> implements ITypeConverter<T> {

        private final Function<String, T> parser;

        Checked(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            }
            catch (IllegalArgumentException ex) {
                throw new TypeConversionException(ex.getMessage());
            }
        }
    }
}
