import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The near-zero-work server the load generator's own ceiling is measured against. Run it as a source file:
 * {@code java -Dsun.net.httpserver.nodelay=true loadtest/bench/TrivialServer.java 18081 [THREADS]}.
 * GET /api/products lists three ids; GET /api/products/{id} answers a small JSON document. Handlers run
 * on virtual threads, or on a fixed pool of THREADS platform threads when that is given.
 */
public class TrivialServer {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/api/products", TrivialServer::handle);
        server.setExecutor(threads > 0 ? Executors.newFixedThreadPool(threads)
                : Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("listening on http://127.0.0.1:" + port + "/api/products");
    }

    private static void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String body = path.equals("/api/products")
                ? "{\"items\":[{\"id\":\"a1\"},{\"id\":\"b2\"},{\"id\":\"c3\"}]}"
                : "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\",\"name\":\"thing\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
