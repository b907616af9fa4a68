package io.shopscale.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that connects from another loopback address (127.0.0.2, 127.0.0.3, …): to the gateway, another machine.
 * The JDK's HTTP client cannot choose its source address, so this speaks HTTP/1.1 over a socket, one request per
 * connection. Unlike a spoofed {@code X-Forwarded-For}, a real peer address is what every hop behind the gateway sees.
 */
record LoopbackClient(String localAddress, int gatewayPort) {

    record Answer(int status, String text) {
    }

    Answer postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort), 2_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + gatewayPort + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = readAll(socket.getInputStream());
            String statusLine = response.substring(0, response.indexOf("\r\n"));
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), response);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
