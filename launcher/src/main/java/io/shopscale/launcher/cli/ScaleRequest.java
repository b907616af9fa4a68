package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.Components;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code <component>=<instances>}, checked against what may be scaled and how far. */
record ScaleRequest(Component component, int instances) {

    static final int MAX_INSTANCES = 8;

    private static final Pattern FORM = Pattern.compile("([^=\\s]+)=(.*)");

    ScaleRequest {
        if (!component.scalable()) {
            throw new IllegalArgumentException(component.name() + " cannot be scaled; scalable: " + scalable());
        }
        if (instances < 0 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("%s=%d: instances must be between 0 and %d"
                    .formatted(component.name(), instances, MAX_INSTANCES));
        }
    }

    static ScaleRequest parse(String argument) {
        Matcher matcher = FORM.matcher(argument.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected <component>=<instances>, such as catalog=3, not '" + argument + "'");
        }
        String name = matcher.group(1);
        Component component = Components.find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown component '" + name + "'; scalable: " + scalable()));
        int instances;
        try {
            instances = Integer.parseInt(matcher.group(2).trim());
        }
        catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("%s: instances must be a whole number, not '%s'"
                    .formatted(name, matcher.group(2)));
        }
        return new ScaleRequest(component, instances);
    }

    static List<ScaleRequest> parseAll(List<String> arguments) {
        List<ScaleRequest> requests = arguments.stream().map(ScaleRequest::parse).toList();
        var seen = new HashSet<String>();
        for (ScaleRequest request : requests) {
            if (!seen.add(request.component().name())) {
                throw new IllegalArgumentException(request.component().name() + " is given more than once");
            }
        }
        return requests;
    }

    private static String scalable() {
        return String.join(", ", Components.scalableNames());
    }
}
