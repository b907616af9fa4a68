package io.shopscale.launcher.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTests {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLinesInOrder() throws IOException {
        Path log = write("one\ntwo\nthree\nfour\n");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("three", "four");
        assertThat(LogTail.lastLines(log, 10)).containsExactly("one", "two", "three", "four");
        assertThat(LogTail.lastLines(log, 0)).isEmpty();
    }

    @Test
    void picksTheLastMatchingLinesOfALogThatSeveralWrite() throws IOException {
        String lines = IntStream.range(0, 5000)
                .mapToObj(i -> "{\"service\":{\"name\":\"" + (i % 3 == 0 ? "catalog" : "orders") + "\"},\"n\":" + i + "}")
                .collect(Collectors.joining("\n", "", "\n"));
        Path log = write(lines);

        assertThat(LogTail.lastLines(log, 2, line -> line.contains("\"name\":\"catalog\"")))
                .containsExactly("{\"service\":{\"name\":\"catalog\"},\"n\":4995}",
                        "{\"service\":{\"name\":\"catalog\"},\"n\":4998}");
        assertThat(LogTail.lastLines(log, 10_000, line -> line.contains("\"n\":0}"))).containsExactly(
                "{\"service\":{\"name\":\"catalog\"},\"n\":0}");
        assertThat(LogTail.lastLines(log, 3, line -> false)).isEmpty();
    }

    @Test
    void keepsAnUnfinishedLastLineAndEmptyLines() throws IOException {
        assertThat(LogTail.lastLines(write("a\n\nb\nhalf"), 3)).containsExactly("", "b", "half");
    }

    @Test
    void readsLargeFilesFromTheBack() throws IOException {
        Path log = write(IntStream.rangeClosed(1, 100_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 99998", "line 99999", "line 100000");
    }

    @Test
    void aMissingLogHasNoLines() throws IOException {
        assertThat(LogTail.lastLines(dir.resolve("absent.log"), 5)).isEmpty();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("test.log"), content);
    }
}
