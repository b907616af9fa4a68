package io.shopscale.gateway.edge;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads whole HTTP/1.1 responses off a raw socket, so that the next request can go out on the same connection. */
public final class HttpResponses {

	private HttpResponses() {
	}

	/** Reads one response, head and body (by Content-Length or chunks), and returns its status code. */
	public static int skipOne(InputStream in) throws IOException {
		String head = readHead(in);
		String lower = head.toLowerCase(Locale.ROOT);
		if (lower.contains("\r\ntransfer-encoding: chunked")) {
			int size;
			do {
				size = Integer.parseInt(readLine(in).trim(), 16);
				in.readNBytes(size + 2);
			}
			while (size > 0);
		}
		else {
			int at = lower.indexOf("\r\ncontent-length:");
			if (at >= 0) {
				int end = lower.indexOf("\r\n", at + 2);
				in.readNBytes(Integer.parseInt(lower.substring(at + "\r\ncontent-length:".length(), end).trim()));
			}
		}
		return Integer.parseInt(head.substring(9, 12));
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
			head.append((char) next(in));
		}
		return head.toString();
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = next(in)) != '\n') {
			line.append((char) c);
		}
		return line.toString();
	}

	private static int next(InputStream in) throws IOException {
		int c = in.read();
		if (c < 0) {
			throw new EOFException("the connection closed in the middle of a response");
		}
		return c;
	}

}
