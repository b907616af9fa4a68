package io.shopscale.loadtest.blackfriday.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fault as whoever injected it tells it ({@code ./shopscale drill}): a JSON object in a file, rewritten whole as the
 * fault moves on, with ISO-8601 instants.
 *
 * <pre>{"fault": "pg-outage", "what": "PostgreSQL stopped with pg_ctl stop -m fast …",
 *  "injectedAt": "…", "healedAt": "…", "loadEndsAt": "…", "failure": null}</pre>
 *
 * @param what        how the fault was injected and healed, in words
 * @param injectedAt  when the fault took effect; null before
 * @param healedAt    when it was undone; null before
 * @param loadEndsAt  when the load should stop (the tail after healing); null until known
 * @param failure     why injecting or healing went wrong, or null
 */
public record FaultTimeline(String fault, String what, Instant injectedAt, Instant healedAt, Instant loadEndsAt,
        String failure) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Nothing written yet. */
    static final FaultTimeline NONE = new FaultTimeline(null, null, null, null, null, null);

    /** The file as it is now; {@link #NONE} while it does not exist. */
    public static FaultTimeline read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        }
        catch (NoSuchFileException notYet) {
            return NONE;
        }
        try {
            return parse(text);
        }
        catch (JacksonException | DateTimeParseException ex) {
            throw new IOException("the fault timeline " + file + " is not readable: " + ex.getMessage(), ex);
        }
    }

    static FaultTimeline parse(String json) {
        JsonNode node = JSON.readTree(json);
        return new FaultTimeline(text(node, "fault"), text(node, "what"), instant(node, "injectedAt"),
                instant(node, "healedAt"), instant(node, "loadEndsAt"), text(node, "failure"));
    }

    public boolean injected() {
        return injectedAt != null;
    }

    public boolean healed() {
        return healedAt != null;
    }

    /** How long the fault lasted, from taking effect to being undone. */
    public Optional<Duration> length() {
        return injected() && healed() ? Optional.of(Duration.between(injectedAt, healedAt))
                : Optional.empty();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static Instant instant(JsonNode node, String name) {
        String value = text(node, name);
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
