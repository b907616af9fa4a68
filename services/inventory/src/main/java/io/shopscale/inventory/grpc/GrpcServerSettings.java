package io.shopscale.inventory.grpc;

import com.netflix.appinfo.ApplicationInfoManager;
import io.shopscale.inventory.InventoryProperties;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The gRPC server's own settings. Spring gRPC runs the Netty server on {@code shopscale.inventory.grpc-port};
 * this adds a bounded pool for calls (a burst queues here instead of timing out on the connection pool) and
 * tells discovery which port was bound, since with port 0 only the started server knows it.
 */
@Configuration(proxyBeanMethods = false)
class GrpcServerSettings {

    static final String PORT_METADATA = "grpc-port";

    private static final Logger log = LoggerFactory.getLogger(GrpcServerSettings.class);

    private final ObjectProvider<ApplicationInfoManager> eureka;

    GrpcServerSettings(ObjectProvider<ApplicationInfoManager> eureka) {
        this.eureka = eureka;
    }

    // Not an Executor bean itself: that would make Boot back off its own application task executor.
    @Bean
    CallPool grpcCallPool(InventoryProperties properties) {
        return new CallPool(Executors.newFixedThreadPool(properties.grpcThreads(),
                new CustomizableThreadFactory("grpc-call-")));
    }

    /**
     * Spring gRPC would demand a user's JWT on every call, having found the platform's JWT decoder. These are
     * east-west calls from the orders service, whose saga releases stock with no user token at hand; until
     * services carry credentials of their own, the gRPC port is open and must not be exposed beyond the platform's
     * network (the gateway routes no gRPC).
     */
    @Bean
    AuthenticationProcessInterceptor grpcAccess(GrpcSecurity grpc) throws Exception {
        return grpc.authorizeRequests(requests -> requests.allRequests().permitAll()).build();
    }

    @EventListener
    void started(GrpcServerStartedEvent event) {
        publish(event.getPort());
    }

    void publish(int port) {
        log.info("inventory gRPC server listening on port {}", port);
        // The orders service finds instances through discovery and dials this port from the metadata.
        eureka.ifAvailable(info -> info.registerAppMetadata(Map.of(PORT_METADATA, String.valueOf(port))));
    }

    /** The threads gRPC calls run on; shut down with the context, after the server has stopped. */
    record CallPool(ExecutorService threads) implements GrpcServerExecutorProvider, AutoCloseable {

        @Override
        public Executor getExecutor() {
            return threads;
        }

        @Override
        public void close() {
            threads.shutdown();
        }
    }
}
