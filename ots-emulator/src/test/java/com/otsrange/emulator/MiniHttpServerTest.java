package com.otsrange.emulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection handling of the emulator's HTTP server, spoken to byte by byte over a keep-alive socket. */
class MiniHttpServerTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private MiniHttpServer server() throws IOException {
        MiniHttpServer server = new MiniHttpServer(0, req -> {
            if (req.path().equals("/boom")) {
                // what a loaded emulator hit: the heap ran out inside the handler
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            return new HttpAnswer(200, Map.of(), ("ok " + req.path()).getBytes(StandardCharsets.UTF_8));
        }, (req, t) -> new HttpAnswer(503, Map.of(), ("failed: " + t.getMessage()).getBytes(StandardCharsets.UTF_8)),
            warnings::add);
        server.start();
        return server;
    }

    /** Before the fix the Error escaped serve(): the socket closed unanswered ("Connection closed" in the SDK). */
    @Test
    void anErrorInTheHandlerIsAnsweredAndTheConnectionKeepsServing() throws Exception {
        try (MiniHttpServer server = server(); Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            Response failed = exchange(socket, "/boom", false);
            assertEquals(503, failed.status, failed.toString());
            assertEquals("failed: Java heap space (simulated)", failed.body);
            assertEquals("keep-alive", failed.headers.get("connection"));

            Response next = exchange(socket, "/fine", false);
            assertEquals(200, next.status, "the same connection serves the next request");
            assertEquals("ok /fine", next.body);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("POST /boom") && warnings.get(0).contains("OutOfMemoryError"), warnings.get(0));
        }
    }

    /** The server closes only after a request that asked for it, and says so in the answer. */
    @Test
    void connectionCloseIsAnsweredWithConnectionCloseThenTheServerCloses() throws Exception {
        try (MiniHttpServer server = server(); Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            for (int i = 0; i < 3; i++) {
                Response kept = exchange(socket, "/a" + i, false);
                assertEquals(200, kept.status);
                assertEquals("keep-alive", kept.headers.get("connection"));
            }
            Response last = exchange(socket, "/last", true);
            assertEquals(200, last.status);
            assertEquals("close", last.headers.get("connection"), "a client must know the connection ends");
            assertEquals(-1, socket.getInputStream().read(), "closed after the answer");
        }
    }

    /**
     * Issue 14 suspected a read timeout or a full worker pool of closing connections under load:
     * there is neither. Many connections held open at once are all served, and a client that idles
     * between requests and sends one in pieces with pauses is answered on the same connection.
     */
    @Test
    void idleSlowAndManySimultaneousConnectionsAreAllAnswered() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try (MiniHttpServer server = server()) {
            for (int i = 0; i < 64; i++) {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
            }
            for (int i = 0; i < sockets.size(); i++) {
                assertEquals(200, exchange(sockets.get(i), "/c" + i, false).status);
            }
            Socket slow = sockets.get(0);
            Thread.sleep(500);
            OutputStream out = slow.getOutputStream();
            for (String piece : List.of("POST /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n", "Content-Length: 2\r\n\r\n", "{", "}")) {
                out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(200);
            }
            Response answer = response(slow.getInputStream(), "/slow");
            assertEquals(200, answer.status);
            assertEquals("ok /slow", answer.body);
            assertEquals(200, exchange(sockets.get(63), "/again", false).status, "the first connections still serve");
            assertEquals(List.of(), warnings);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static Response exchange(Socket socket, String path, boolean close) throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n"
            + (close ? "Connection: close\r\n" : "") + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return response(socket.getInputStream(), path);
    }

    private static Response response(InputStream in, String path) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new AssertionError("the server closed the connection without answering " + path);
        }
        Map<String, String> headers = new java.util.TreeMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int c = h.indexOf(':');
            headers.put(h.substring(0, c).trim().toLowerCase(java.util.Locale.ROOT), h.substring(c + 1).trim());
        }
        byte[] content = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, new String(content, StandardCharsets.UTF_8));
    }

    /** One CRLF-terminated line, or null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') buf.write(b);
        }
        return b < 0 && buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    private record Response(int status, Map<String, String> headers, String body) {
    }
}
