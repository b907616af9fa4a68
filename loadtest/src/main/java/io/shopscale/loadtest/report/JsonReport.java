package io.shopscale.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a report (a {@link RunReport}, or any tree of records) as indented JSON, fields in declaration order. */
public final class JsonReport {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {
    }

    public static String render(Object report) {
        return JSON.writeValueAsString(report);
    }

    public static void write(Object report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.writeString(file, render(report) + "\n");
        }
        catch (JacksonException ex) {
            throw new IOException("could not serialize the report", ex);
        }
    }
}
