package io.shopscale.loadtest.blackfriday.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which objectives a run is held to: the defaults ({@code objectives.properties} beside this class), then the
 * profile's own, then a file, then single {@code KEY=VALUE} options, each overriding the one before; the value
 * {@code off} drops an objective.
 */
public final class Objectives {

    static final String OFF = "off";

    private Objectives() {
    }

    public static List<Objective> resolve(Map<String, String> profile, Path file, Map<String, String> options) {
        Map<String, String> merged = new TreeMap<>(defaults());
        merged.putAll(profile);
        if (file != null) {
            merged.putAll(read(file));
        }
        merged.putAll(options);
        return merged.entrySet().stream()
                .filter(e -> !OFF.equalsIgnoreCase(e.getValue().trim()))
                .map(e -> Objective.parse(e.getKey(), e.getValue()))
                .toList();
    }

    static Map<String, String> defaults() {
        try (InputStream in = Objectives.class.getResourceAsStream("objectives.properties")) {
            if (in == null) {
                throw new IllegalStateException("objectives.properties is missing from the jar");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return asMap(properties);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, String> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return asMap(properties);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("cannot read --objectives " + file + ": " + ex.getMessage());
        }
    }

    private static Map<String, String> asMap(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
