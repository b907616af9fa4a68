package io.shopscale.loadtest.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpResponseReaderTests {

    private static final long NO_DEADLINE = Long.MAX_VALUE / 2;

    @Test
    void readsResponsesOneAfterAnotherOnAKeptAliveConnection() throws IOException {
        var reader = reader("""
                HTTP/1.1 200 OK\r
                Content-Type: application/json\r
                content-length: 7\r
                \r
                {"a":1}HTTP/1.1 404 Not Found\r
                Transfer-Encoding: chunked\r
                \r
                4;ext=1\r
                nope\r
                3\r
                !!!\r
                0\r
                Trailer: x\r
                \r
                HTTP/1.1 204 No Content\r
                Connection: close\r
                \r
                """);

        assertThat(reader.read(NO_DEADLINE)).isEqualTo(new HttpResponseReader.Response(200, true));
        assertThat(reader.read(NO_DEADLINE)).isEqualTo(new HttpResponseReader.Response(404, true));
        assertThat(reader.read(NO_DEADLINE)).isEqualTo(new HttpResponseReader.Response(204, false));
    }

    @Test
    void aBodyWithoutLengthRunsToTheEndOfTheConnection() throws IOException {
        var reader = reader("HTTP/1.0 500 Oops\r\n\r\n" + "x".repeat(50_000));

        assertThat(reader.read(NO_DEADLINE)).isEqualTo(new HttpResponseReader.Response(500, false));
    }

    @Test
    void aBodyLargerThanTheBufferIsSkippedWhole() throws IOException {
        String body = "y".repeat(100_000);
        var reader = reader("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

        assertThat(reader.read(NO_DEADLINE).status()).isEqualTo(200);
        assertThat(reader.read(NO_DEADLINE).status()).isEqualTo(201);
    }

    @Test
    void aConnectionClosedBeforeAnyByteIsStale() {
        var reader = reader("");

        assertThatExceptionOfType(HttpResponseReader.StaleConnectionException.class)
                .isThrownBy(() -> reader.read(NO_DEADLINE));
    }

    @Test
    void truncatedOrForeignResponsesFail() {
        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").read(NO_DEADLINE));
        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> reader("SSH-2.0-OpenSSH_9.6\r\n").read(NO_DEADLINE));
    }

    private static HttpResponseReader reader(String wire) {
        InputStream in = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
        return new HttpResponseReader(in, millis -> { });
    }
}
