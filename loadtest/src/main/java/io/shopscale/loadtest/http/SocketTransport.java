package io.shopscale.loadtest.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal HTTP/1.1 GET client on blocking sockets with a keep-alive pool. On loopback it costs the load
 * generator a fraction of the CPU per request that {@link java.net.http.HttpClient} does (measured at
 * roughly a sixth), which matters when the generator shares the machine with the system it measures.
 * Each request's bytes are built once, at prepare time. It reads Content-Length, chunked and
 * close-delimited bodies; anything else is a transport failure.
 * Plain http only: loopback benchmarks do not need TLS, and the JDK client covers https.
 */
public final class SocketTransport implements Transport {

    private final Map<String, String> headers;
    private final int timeoutMillis;
    private final Map<String, ConcurrentLinkedDeque<Connection>> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SocketTransport(Map<String, String> headers, Duration timeout) {
        this.headers = Map.copyOf(headers);
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        headers.keySet().forEach(SocketTransport::checkHeaderName);
    }

    @Override
    public PreparedRequest prepare(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the socket client speaks plain http only; use --client jdk for " + uri);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : 80;
        String host = uri.getHost();
        String authority = uri.getPort() == -1 ? host : host + ":" + port;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(256)
                .append("GET ").append(path).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(authority)
                .append("\r\nUser-Agent: shopscale-loadtest\r\nAccept: */*\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        var pool = pools.computeIfAbsent(authority, key -> new ConcurrentLinkedDeque<>());
        var address = new InetSocketAddress(host, port);
        return () -> send(pool, address, bytes);
    }

    private Outcome send(ConcurrentLinkedDeque<Connection> pool, InetSocketAddress address, byte[] request) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Connection pooled = pool.pollFirst();
        if (pooled != null) {
            // A kept-alive connection the server has since closed fails before any response byte: retry once.
            Outcome outcome = exchange(pooled, pool, request, deadline, true);
            if (outcome != null) {
                return outcome;
            }
        }
        try {
            return exchange(open(address), pool, request, deadline, false);
        }
        catch (SocketTimeoutException ex) {
            return Outcome.timeout();
        }
        catch (IOException ex) {
            return Outcome.failure();
        }
    }

    /** Returns null only when a reused connection turned out to be stale, so the caller may retry. */
    private Outcome exchange(Connection connection, ConcurrentLinkedDeque<Connection> pool, byte[] request,
            long deadline, boolean reused) {
        try {
            connection.write(request);
            HttpResponseReader.Response response = connection.reader().read(deadline);
            if (response.keepAlive() && !closed) {
                pool.offerFirst(connection);
            }
            else {
                connection.close();
            }
            return Outcome.response(response.status());
        }
        catch (SocketTimeoutException ex) {
            connection.close();
            return Outcome.timeout();
        }
        catch (HttpResponseReader.StaleConnectionException | WriteFailedException ex) {
            connection.close();
            return reused ? null : Outcome.failure();
        }
        catch (IOException ex) {
            connection.close();
            return Outcome.failure();
        }
    }

    private Connection open(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, timeoutMillis);
            return new Connection(socket);
        }
        catch (IOException ex) {
            socket.close();
            throw ex;
        }
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(pool -> {
            Connection c;
            while ((c = pool.pollFirst()) != null) {
                c.close();
            }
        });
    }

    private static void checkHeaderName(String name) {
        if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
                || name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Connection")) {
            throw new IllegalArgumentException("header " + name + " is set by the client itself");
        }
    }

    /** One socket with its response reader; used by one request at a time. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final HttpResponseReader reader;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.reader = new HttpResponseReader(socket.getInputStream(), this::readTimeout);
        }

        void write(byte[] request) throws WriteFailedException {
            try {
                out.write(request);
            }
            catch (IOException ex) {
                throw new WriteFailedException(ex);
            }
        }

        HttpResponseReader reader() {
            return reader;
        }

        private void readTimeout(int millis) throws IOException {
            socket.setSoTimeout(millis);
        }

        void close() {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // Closing is best effort; the socket is dropped either way.
            }
        }
    }

    /** Sending failed, so the server cannot have seen the request: safe to retry on a fresh connection. */
    private static final class WriteFailedException extends IOException {

        WriteFailedException(IOException cause) {
            super(cause);
        }
    }
}
