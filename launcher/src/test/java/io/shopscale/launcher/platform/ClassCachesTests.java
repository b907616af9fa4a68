package io.shopscale.launcher.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClassCachesTests {

    @TempDir
    Path cds;

    private final List<Path> checked = new ArrayList<>();

    @Test
    void aFinishedTrainingFileThatTheJvmAcceptsBecomesTheCache() throws IOException {
        Path base = cds.resolve("catalog-1a-2b");
        Path training = Files.writeString(Path.of(base + ".aot.training-0000000000000001"), "good");

        nothingBeingWritten().settle(base, accepting("good"));

        assertThat(ClassCaches.usable(base)).contains(Path.of(base + ".aot"));
        assertThat(Path.of(base + ".aot")).hasContent("good");
        assertThat(training).doesNotExist();
    }

    @Test
    void aTrainingFileTheJvmRefusesOrThatIsEmptyIsDeletedSoTheNextStartTrainsAgain() throws IOException {
        Path base = cds.resolve("catalog-1a-2b");
        Path refused = Files.writeString(Path.of(base + ".aot.training-0000000000000001"), "truncated");
        Path empty = Files.createFile(Path.of(base + ".aot.training-0000000000000002"));

        nothingBeingWritten().settle(base, accepting("good"));

        assertThat(refused).doesNotExist();
        assertThat(empty).doesNotExist();
        assertThat(checked).containsExactly(refused);
        assertThat(ClassCaches.usable(base)).isEmpty();
        assertThat(Path.of(base + ".aot")).doesNotExist();
    }

    @Test
    void aTrainingFileWhoseJvmStillRunsIsLeftAloneWithItsProfile() throws IOException {
        Path base = cds.resolve("catalog-1a-2b");
        Path writing = Files.createFile(Path.of(base + ".aot.training-0000000000000001"));
        Path profile = Files.writeString(Path.of(base + ".aot.training-0000000000000001.config"), "profile");
        Path abandonedProfile = Files.writeString(Path.of(base + ".aot.training-0000000000000002.config"), "profile");

        new ClassCaches(Set.of(writing)::contains).settle(base, accepting("good"));

        assertThat(writing).exists();
        assertThat(profile).exists();
        assertThat(abandonedProfile).doesNotExist();
        assertThat(checked).isEmpty();
    }

    @Test
    void onThisMachineAFileIsBeingWrittenWhileAProcessNamesItOnItsCommandLine() throws Exception {
        Path base = cds.resolve("catalog-1a-2b");
        Path training = Files.createFile(Path.of(base + ".aot.training-0000000000000001"));
        Process writer = new ProcessBuilder("sh", "-c", "sleep 30", "-XX:AOTCacheOutput=" + training).start();
        try {
            ClassCaches.ofThisMachine().settle(base, accepting("good"));

            assertThat(training).exists();
        }
        finally {
            writer.destroyForcibly().waitFor();
        }
        ClassCaches.ofThisMachine().settle(base, accepting("good"));

        assertThat(training).doesNotExist();
    }

    @Test
    void anEmptyCacheIsNoCacheAndIsReplacedByAGoodTrainingFile() throws IOException {
        Path base = cds.resolve("catalog-1a-2b");
        Path cache = Files.createFile(Path.of(base + ".aot"));
        assertThat(ClassCaches.usable(base)).isEmpty();
        Files.writeString(Path.of(base + ".aot.training-0000000000000001"), "good");

        nothingBeingWritten().settle(base, accepting("good"));

        assertThat(cache).hasContent("good");
    }

    @Test
    void aUsableCacheStaysAndFurtherTrainingFilesAreDropped() throws IOException {
        Path base = cds.resolve("catalog-1a-2b");
        Path cache = Files.writeString(Path.of(base + ".aot"), "good");
        Path another = Files.writeString(Path.of(base + ".aot.training-0000000000000001"), "good too");

        nothingBeingWritten().settle(base, accepting("good", "good too"));

        assertThat(cache).hasContent("good");
        assertThat(another).doesNotExist();
        assertThat(checked).isEmpty();
    }

    @Test
    void otherComponentsAndBuildsAreNotTouched() throws IOException {
        Path base = cds.resolve("catalog-1a-2b");
        Path otherBuild = Files.writeString(cds.resolve("catalog-1a-2c.aot.training-0000000000000001"), "x");
        Path otherComponent = Files.writeString(cds.resolve("cart-1a-2b.aot.training-0000000000000001"), "x");

        nothingBeingWritten().settle(base, accepting("good"));

        assertThat(otherBuild).exists();
        assertThat(otherComponent).exists();
    }

    @Test
    void trainingNamesAreFreshAndNoneIsAPrefixOfAnother() {
        Path base = cds.resolve("catalog-1a-2b");

        Path first = ClassCaches.newTrainingFile(base);
        Path second = ClassCaches.newTrainingFile(base);

        assertThat(first.toString()).matches(base + "\\.aot\\.training-[0-9a-f]{16}");
        assertThat(second).isNotEqualTo(first);
    }

    private static ClassCaches nothingBeingWritten() {
        return new ClassCaches(file -> false);
    }

    /** A stand-in for the JVM that accepts files with one of the given contents. */
    private ClassCaches.Check accepting(String... good) {
        return file -> {
            checked.add(file);
            try {
                return List.of(good).contains(Files.readString(file));
            }
            catch (IOException ex) {
                return false;
            }
        };
    }
}
