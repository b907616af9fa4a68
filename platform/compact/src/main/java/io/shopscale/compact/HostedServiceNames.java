package io.shopscale.compact;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Names the service a log line comes from by the thread that writes it: a service's threads carry its
 * {@link ServiceClassLoader} as their context class loader (threads inherit it from the thread that started the
 * service), so {@code ./shopscale logs catalog} can pick catalog's lines out of the one log of the compact JVM.
 */
public final class HostedServiceNames implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final String SERVICE_NAME = "service.name";

    @Override
    public void customize(Members<Object> members) {
        members.applyingValueProcessor(ValueProcessor.of(String.class, HostedServiceNames::currentServiceOr)
                .whenHasPath(path -> SERVICE_NAME.equals(path.toUnescapedString())));
    }

    private static String currentServiceOr(String hostName) {
        String service = ServiceClassLoader.serviceOf(Thread.currentThread().getContextClassLoader());
        return service != null ? service : hostName;
    }
}
