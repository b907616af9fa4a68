package io.shopscale.loadtest.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reads one HTTP/1.1 response after another from a connection and discards the bodies. Parses on bytes,
 * without building strings, and looks only at what framing needs: status, Content-Length,
 * Transfer-Encoding and Connection.
 */
final class HttpResponseReader {

    private static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private final ReadTimeout readTimeout;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long deadline;

    HttpResponseReader(InputStream in, ReadTimeout readTimeout) {
        this.in = in;
        this.readTimeout = readTimeout;
    }

    /** Bounds the next blocking read, so a whole response never outlasts its deadline. */
    @FunctionalInterface
    interface ReadTimeout {

        void set(int millis) throws IOException;
    }

    record Response(int status, boolean keepAlive) {
    }

    /** Thrown when the connection ended before the response began: a kept-alive socket the server had closed. */
    static final class StaleConnectionException extends IOException {

        StaleConnectionException(String message) {
            super(message);
        }
    }

    /** Reads a full response; fails with {@link SocketTimeoutException} once {@code deadlineNanos} has passed. */
    Response read(long deadlineNanos) throws IOException {
        this.deadline = deadlineNanos;
        if (pos == limit) {
            try {
                if (fill() < 0) {
                    throw new StaleConnectionException("connection closed before the response");
                }
            }
            catch (SocketTimeoutException ex) {
                throw ex;
            }
            catch (IOException ex) {
                throw ex instanceof StaleConnectionException ? ex : new StaleConnectionException(ex.toString());
            }
        }
        int lineEnd = lineEnd();
        if (lineEnd - pos < 12 || !startsWith(pos, "HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line");
        }
        boolean http10 = buffer[pos + 7] == '0';
        int status = digit(pos + 9) * 100 + digit(pos + 10) * 10 + digit(pos + 11);
        pos = lineEnd + 2;
        long contentLength = -1;
        boolean chunked = false;
        boolean keepAlive = !http10;
        while (true) {
            lineEnd = lineEnd();
            if (lineEnd == pos) {
                pos += 2;
                break;
            }
            if (headerIs("content-length", lineEnd)) {
                contentLength = parseLong(valueStart("content-length", lineEnd), lineEnd);
            }
            else if (headerIs("transfer-encoding", lineEnd)) {
                chunked = containsIgnoreCase(valueStart("transfer-encoding", lineEnd), lineEnd, "chunked");
            }
            else if (headerIs("connection", lineEnd)) {
                int from = valueStart("connection", lineEnd);
                keepAlive = http10 ? containsIgnoreCase(from, lineEnd, "keep-alive")
                        : !containsIgnoreCase(from, lineEnd, "close");
            }
            pos = lineEnd + 2;
        }
        if (status < 200 || status == 204 || status == 304) {
            return new Response(status, keepAlive && status >= 200);
        }
        if (chunked) {
            skipChunks();
        }
        else if (contentLength >= 0) {
            skip(contentLength);
        }
        else {
            skipToEnd();
            keepAlive = false;
        }
        return new Response(status, keepAlive);
    }

    private void skipChunks() throws IOException {
        while (true) {
            int lineEnd = lineEnd();
            long size = 0;
            int i = pos;
            for (; i < lineEnd && buffer[i] != ';' && buffer[i] != ' '; i++) {
                int d = Character.digit(buffer[i], 16);
                if (d < 0) {
                    throw new IOException("bad chunk size");
                }
                size = size * 16 + d;
            }
            pos = lineEnd + 2;
            if (size == 0) {
                while ((lineEnd = lineEnd()) != pos) {
                    pos = lineEnd + 2;
                }
                pos += 2;
                return;
            }
            skip(size);
            lineEnd();
            pos += 2;
        }
    }

    private void skip(long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            if (pos == limit && fill() < 0) {
                throw new EOFException("body ended early");
            }
            int n = (int) Math.min(remaining, limit - pos);
            pos += n;
            remaining -= n;
        }
    }

    private void skipToEnd() throws IOException {
        do {
            pos = limit;
        } while (fill() >= 0);
    }

    /** Index of the CR of the next CRLF, reading more as needed; the line starts at {@code pos}. */
    private int lineEnd() throws IOException {
        int scan = pos;
        while (true) {
            for (; scan + 1 < limit; scan++) {
                if (buffer[scan] == '\r' && buffer[scan + 1] == '\n') {
                    return scan;
                }
            }
            if (limit - pos >= MAX_LINE) {
                throw new IOException("header line too long");
            }
            int offset = pos;
            if (fill() < 0) {
                throw new EOFException("response ended inside its head");
            }
            scan -= offset - pos;
        }
    }

    /** Compacts unread bytes to the front and reads more; returns -1 at end of stream. */
    private int fill() throws IOException {
        long remainingNanos = deadline - System.nanoTime();
        if (remainingNanos <= 0) {
            throw new SocketTimeoutException("response took longer than the timeout");
        }
        readTimeout.set((int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingNanos / 1_000_000)));
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    private boolean headerIs(String lowerName, int lineEnd) {
        int n = lowerName.length();
        if (lineEnd - pos <= n || buffer[pos + n] != ':') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toLowerCase(buffer[pos + i]) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int valueStart(String name, int lineEnd) {
        int i = pos + name.length() + 1;
        while (i < lineEnd && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        return i;
    }

    private long parseLong(int from, int to) throws IOException {
        long value = 0;
        int end = to;
        while (end > from && (buffer[end - 1] == ' ' || buffer[end - 1] == '\t')) {
            end--;
        }
        if (from == end) {
            throw new IOException("empty Content-Length");
        }
        for (int i = from; i < end; i++) {
            int d = buffer[i] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("bad Content-Length");
            }
            value = value * 10 + d;
        }
        return value;
    }

    private boolean containsIgnoreCase(int from, int to, String lowerWord) {
        int n = lowerWord.length();
        outer:
        for (int i = from; i + n <= to; i++) {
            for (int j = 0; j < n; j++) {
                if (Character.toLowerCase(buffer[i + j]) != lowerWord.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private boolean startsWith(int from, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (buffer[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int digit(int index) throws IOException {
        int d = buffer[index] - '0';
        if (d < 0 || d > 9) {
            throw new IOException("bad status code");
        }
        return d;
    }
}
