package io.shopscale.orders.inventory;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.stereotype.Component;

/**
 * gRPC channels to inventory's instances. The load balancer picks an instance per call (round robin over what
 * discovery reports); each instance's channel is created once and kept, since a channel is an expensive, long-lived,
 * multiplexed connection.
 */
@Component
class InventoryChannels implements DisposableBean {

    private final LoadBalancerClient loadBalancer;
    private final InventoryClientProperties properties;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    InventoryChannels(LoadBalancerClient loadBalancer, InventoryClientProperties properties) {
        this.loadBalancer = loadBalancer;
        this.properties = properties;
    }

    /** A channel to the next inventory instance. */
    ManagedChannel next() {
        ServiceInstance instance = loadBalancer.choose(properties.serviceId());
        if (instance == null) {
            throw new NoInstanceException("no " + properties.serviceId() + " instance is registered");
        }
        String port = instance.getMetadata().get(properties.grpcPortMetadata());
        if (port == null || port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
            throw new NoInstanceException(properties.serviceId() + " instance " + instance.getInstanceId()
                    + " does not announce its '" + properties.grpcPortMetadata() + "'");
        }
        String address = instance.getHost() + ":" + port;
        return channels.computeIfAbsent(address, ignored -> Grpc
                .newChannelBuilderForAddress(instance.getHost(), Integer.parseInt(port),
                        InsecureChannelCredentials.create())
                .idleTimeout(5, TimeUnit.MINUTES)
                .build());
    }

    @Override
    public void destroy() throws InterruptedException {
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels.values()) {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    static class NoInstanceException extends RuntimeException {

        NoInstanceException(String message) {
            super(message);
        }
    }
}
