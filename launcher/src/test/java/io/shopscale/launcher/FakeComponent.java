package io.shopscale.launcher;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A stand-in for a platform process, small enough to start in a blink. With {@code --*-port=} arguments it plays the
 * stores process and accepts TCP on those ports; otherwise it plays a service and answers its readiness URL on
 * {@code SERVER_PORT}. System properties make it misbehave: {@code fake.exit} (exit at once with that code),
 * {@code fake.notReady} (answer 503), {@code fake.ignoreTerm} (refuse to stop on SIGTERM), {@code fake.spawn} (leave
 * a child process behind).
 */
public final class FakeComponent {

    private FakeComponent() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getProperty("shopscale.instance", "fake");
        System.out.println("fake " + name + " starting with " + String.join(" ", args));
        if (System.getProperty("fake.exit") != null) {
            System.out.println("fake " + name + " failing on purpose");
            System.exit(Integer.parseInt(System.getProperty("fake.exit")));
        }
        if (Boolean.getBoolean("fake.ignoreTerm")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitForever()));
        }
        if (Boolean.getBoolean("fake.spawn")) {
            new ProcessBuilder("sleep", "300").start();
        }
        List<Integer> storePorts = new ArrayList<>();
        for (String arg : args) {
            if (arg.matches("--(postgres|redis|kafka)-port=\\d+") && !external(arg)) {
                storePorts.add(Integer.parseInt(arg.substring(arg.indexOf('=') + 1)));
            }
        }
        if (args.length > 0) {
            for (int port : storePorts) {
                acceptForever(port);
            }
        }
        else {
            serveHttp(Integer.parseInt(System.getenv("SERVER_PORT")));
            // Health on the management port too, as the real services answer it (the simulator's admin API with it).
            String management = System.getenv("MANAGEMENT_SERVER_PORT");
            if (management != null) {
                serveAdminSettings(serveHttp(Integer.parseInt(management)));
            }
        }
        System.out.println("fake " + name + " ready");
        awaitForever();
    }

    /** An executable jar of this class, for tests that need {@code java -jar}. */
    public static Path jar(Path file) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeComponent.class.getName());
        Files.createDirectories(file.getParent());
        try (var jar = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            String entry = FakeComponent.class.getName().replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(entry));
            try (var in = FakeComponent.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(jar);
            }
            jar.closeEntry();
        }
        return file;
    }

    private static boolean external(String arg) {
        String store = arg.substring(2, arg.indexOf("-port"));
        String variable = switch (store) {
            case "postgres" -> "SHOPSCALE_POSTGRES_URL";
            case "redis" -> "SHOPSCALE_REDIS_URL";
            default -> "SHOPSCALE_KAFKA_BOOTSTRAP";
        };
        return System.getenv(variable) != null && !System.getenv(variable).isBlank();
    }

    /** The provider simulator's admin API, as strict about its token as the real one; settings that never change. */
    private static void serveAdminSettings(HttpServer server) {
        String token = System.getenv("SHOPSCALE_PSP_ADMIN_TOKEN");
        server.createContext("/admin/settings", exchange -> {
            boolean allowed = token != null
                    && ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (allowed ? "{\"latency\":\"0s\",\"outage\":false}"
                    : "{\"status\":401,\"detail\":\"wrong admin token\"}").getBytes();
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static HttpServer serveHttp(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        // A fake gateway "routes" too, so the launcher's route probe sees it as able to serve.
        for (String route : new String[] {"/api/products", "/.well-known/jwks.json", "/api/inventory"}) {
            server.createContext(route, exchange -> {
                byte[] body = "{}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        // The registry's lease API, as strict about the registry's password as the real one.
        String registryPassword = System.getenv("SHOPSCALE_REGISTRY_PASSWORD");
        server.createContext("/eureka/apps/", exchange -> {
            String basic = "Basic " + Base64.getEncoder().encodeToString(("shopscale:" + registryPassword).getBytes());
            boolean allowed = registryPassword != null && basic.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(allowed ? 200 : 401, -1);
            exchange.close();
        });
        server.createContext("/actuator/health/readiness", exchange -> {
            boolean ready = !Boolean.getBoolean("fake.notReady");
            byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}").getBytes();
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static void acceptForever(int port) throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(port));
        Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    socket.accept().close();
                }
                catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
