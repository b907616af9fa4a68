package io.shopscale.compact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service the host runs: its name, the application class its own {@code main} would run, the jars it was built
 * with, and the arguments of this start (its ports).
 */
record HostedService(String name, String applicationClass, Set<String> jars, List<String> arguments) {

    HostedService {
        jars = Set.copyOf(jars);
        arguments = List.copyOf(arguments);
    }

    /**
     * Reads the table the launcher writes beside the host's jar, one service per line:
     * {@code name application-class jar jar …}.
     */
    static Map<String, HostedService> readTable(Path table) throws IOException {
        var services = new LinkedHashMap<String, HostedService>();
        for (String line : Files.readAllLines(table)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 3) {
                throw new IllegalArgumentException("malformed line in " + table + ": " + line);
            }
            var jars = new LinkedHashSet<>(Arrays.asList(fields).subList(2, fields.length));
            services.put(fields[0], new HostedService(fields[0], fields[1], jars, List.of()));
        }
        return services;
    }

    /**
     * The services to start, in order, from the command line: {@code --service NAME [ARGUMENT …]} per service, e.g.
     * {@code --service registry --server.port=8761 --service catalog --server.port=8081}.
     */
    static List<HostedService> select(Map<String, HostedService> table, String[] commandLine) {
        var selected = new ArrayList<HostedService>();
        String current = null;
        var arguments = new ArrayList<String>();
        for (String argument : commandLine) {
            if (argument.equals("--service")) {
                if (current != null) {
                    selected.add(withArguments(table, current, arguments));
                }
                current = "";
                arguments.clear();
            }
            else if (current != null && current.isEmpty()) {
                current = argument;
            }
            else if (current != null) {
                arguments.add(argument);
            }
            else {
                throw new IllegalArgumentException("expected --service before " + argument);
            }
        }
        if (current != null) {
            selected.add(withArguments(table, current, arguments));
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no --service given; known: " + table.keySet());
        }
        return selected;
    }

    private static HostedService withArguments(Map<String, HostedService> table, String name, List<String> arguments) {
        HostedService service = table.get(name);
        if (service == null || name.isEmpty()) {
            throw new IllegalArgumentException("unknown service '" + name + "'; known: " + table.keySet());
        }
        return new HostedService(service.name(), service.applicationClass(), service.jars(), arguments);
    }
}
