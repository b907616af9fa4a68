package io.shopscale.launcher.cli;

import io.shopscale.launcher.cli.LogFiles.LogFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogFilesTests {

    @TempDir
    Path logs;

    @Test
    void aServiceOfTheCompactJvmShowsItsOwnLinesOfTheSharedLogBesideItsExtraInstances() throws IOException {
        Path compact = Files.writeString(logs.resolve(LogFiles.COMPACT_LOG), """
                {"service":{"name":"catalog"},"message":"catalog speaks"}
                {"service":{"name":"cart"},"message":"cart speaks"}
                """);
        Files.writeString(logs.resolve("catalog-2.log"), "second instance\n");

        List<LogFile> found = LogFiles.find(logs, "catalog");

        assertThat(found).extracting(LogFile::instanceName).containsExactly("catalog", "catalog-2");
        assertThat(found.getFirst().path()).isEqualTo(compact);
        assertThat(found.getFirst().shows("{\"service\":{\"name\":\"catalog\"},\"message\":\"catalog speaks\"}")).isTrue();
        assertThat(found.getFirst().shows("{\"service\":{\"name\":\"cart\"},\"message\":\"cart speaks\"}")).isFalse();
        assertThat(found.get(1).shows("second instance")).isTrue();
    }

    @Test
    void aLogOfItsOwnNewerThanTheCompactOneWins() throws IOException {
        Files.writeString(logs.resolve(LogFiles.COMPACT_LOG), "old compact run\n");
        Files.setLastModifiedTime(logs.resolve(LogFiles.COMPACT_LOG), FileTime.from(Instant.now().minusSeconds(600)));
        Path own = Files.writeString(logs.resolve("catalog.log"), "services topology run\n");

        assertThat(LogFiles.find(logs, "catalog")).singleElement()
                .satisfies(log -> assertThat(log.path()).isEqualTo(own))
                .satisfies(log -> assertThat(log.onlyLinesWith()).isNull());
    }

    @Test
    void theStoresNeverReadTheCompactLog() throws IOException {
        Files.writeString(logs.resolve(LogFiles.COMPACT_LOG), "services\n");
        Path stores = Files.writeString(logs.resolve("stores.log"), "stores\n");

        assertThat(LogFiles.find(logs, "stores")).extracting(LogFile::path).containsExactly(stores);
    }
}
