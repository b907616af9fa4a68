package io.shopscale.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostedServiceTests {

    @TempDir
    Path dir;

    @Test
    void servicesStartInCommandLineOrderWithTheirOwnArguments() throws IOException {
        Path table = dir.resolve("hosted-services.txt");
        Files.writeString(table, """
                # name application-class jars
                registry io.shopscale.registry.RegistryApplication registry.jar spring-core.jar
                catalog io.shopscale.catalog.CatalogApplication catalog.jar spring-core.jar
                """);

        List<HostedService> services = HostedService.select(HostedService.readTable(table),
                new String[] {"--service", "registry", "--server.port=8761", "--service", "catalog", "--server.port=8081"});

        assertThat(services).extracting(HostedService::name).containsExactly("registry", "catalog");
        assertThat(services.get(1).arguments()).containsExactly("--server.port=8081");
        assertThat(services.get(1).jars()).containsExactlyInAnyOrder("catalog.jar", "spring-core.jar");
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownOnes() throws IOException {
        Path table = dir.resolve("hosted-services.txt");
        Files.writeString(table, "catalog io.shopscale.catalog.CatalogApplication catalog.jar\n");

        assertThatThrownBy(() -> HostedService.select(HostedService.readTable(table), new String[] {"--service", "ordrs"}))
                .hasMessageContaining("ordrs").hasMessageContaining("catalog");
        assertThatThrownBy(() -> HostedService.select(HostedService.readTable(table), new String[] {"--server.port=1"}))
                .hasMessageContaining("--service");
    }
}
