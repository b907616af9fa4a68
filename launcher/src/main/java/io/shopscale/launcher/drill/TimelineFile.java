package io.shopscale.launcher.drill;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The fault's timeline as the load generator reads it ({@code loadtest bench --timeline}): one JSON object, rewritten
 * whole (written aside, then moved into place) each time the fault moves on, instants in ISO-8601.
 */
final class TimelineFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    TimelineFile(Path file) {
        this.file = file;
    }

    void write(Fault fault, Instant injectedAt, Instant healedAt, Instant loadEndsAt, String failure)
            throws IOException {
        ObjectNode timeline = JSON.createObjectNode();
        timeline.put("fault", fault.name());
        timeline.put("what", fault.what());
        timeline.put("injectedAt", text(injectedAt));
        timeline.put("healedAt", text(healedAt));
        timeline.put("loadEndsAt", text(loadEndsAt));
        timeline.put("failure", failure);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(partial, timeline.toString() + "\n");
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
