package io.shopscale.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** The end of a log file, read from the back so that large logs cost no more than small ones. */
public final class LogTail {

    private static final int CHUNK = 8192;

    private LogTail() {
    }

    public static List<String> lastLines(Path file, int count) throws IOException {
        return unfiltered(file, count);
    }

    /**
     * The last {@code count} lines that {@code shown} accepts, such as one service's lines in a log that several
     * write; it reads back only as far as it must.
     */
    public static List<String> lastLines(Path file, int count, Predicate<String> shown) throws IOException {
        if (count <= 0 || !Files.exists(file)) {
            return List.of();
        }
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            var found = new ArrayDeque<String>();
            long end = in.length();
            byte[] carried = new byte[0];
            while (end > 0 && found.size() < count) {
                int length = (int) Math.min(CHUNK, end);
                end -= length;
                var chunk = new byte[length + carried.length];
                in.seek(end);
                in.readFully(chunk, 0, length);
                System.arraycopy(carried, 0, chunk, length, carried.length);
                int lineEnd = chunk.length;
                for (int i = chunk.length - 1; i >= 0 && found.size() < count; i--) {
                    if (chunk[i] == '\n') {
                        offer(new String(chunk, i + 1, lineEnd - i - 1, StandardCharsets.UTF_8), shown, found);
                        lineEnd = i;
                    }
                }
                carried = Arrays.copyOf(chunk, lineEnd);
                if (end == 0 && found.size() < count) {
                    offer(new String(carried, StandardCharsets.UTF_8), shown, found);
                }
            }
            return List.copyOf(found);
        }
    }

    private static void offer(String line, Predicate<String> shown, ArrayDeque<String> found) {
        String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (!trimmed.isEmpty() && shown.test(trimmed)) {
            found.addFirst(trimmed);
        }
    }

    private static List<String> unfiltered(Path file, int count) throws IOException {
        if (count <= 0 || !Files.exists(file)) {
            return List.of();
        }
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            long start = end;
            int newlines = 0;
            var buffer = new byte[CHUNK];
            // Walk back until count + 1 line breaks are behind us (the last one may end the final line).
            while (start > 0 && newlines <= count) {
                int length = (int) Math.min(CHUNK, start);
                start -= length;
                in.seek(start);
                in.readFully(buffer, 0, length);
                for (int i = length - 1; i >= 0; i--) {
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
            }
            var bytes = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(bytes);
            var lines = new ArrayDeque<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.peekLast().isEmpty()) {
                lines.removeLast();
            }
            while (lines.size() > count) {
                lines.removeFirst();
            }
            return List.copyOf(lines);
        }
    }
}
