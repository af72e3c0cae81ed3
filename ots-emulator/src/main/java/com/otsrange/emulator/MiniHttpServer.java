package com.otsrange.emulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on plain sockets: keep-alive, Content-Length or chunked request bodies.
 * Plain sockets (not com.sun.net.httpserver) so a fault can reset a connection with no response.
 *
 * <p>Connections are closed only between requests: after answering a request that said
 * {@code Connection: close} (the answer says so too), when the client closes, or when what it
 * sends is not HTTP. An idle keep-alive connection is never closed by the server (clients close
 * theirs: the TableStore SDK after 5 s idle), so a client can never reuse a connection the server
 * is closing at that moment. Whatever the handler throws, an {@link OutOfMemoryError} included,
 * becomes the {@code onFailure} answer: a request is never left unanswered on a dropped connection
 * (which the SDK reports as "Connection closed").
 */
final class MiniHttpServer implements AutoCloseable {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Bodies above this are not read at all (the service answers 413 for > 5 MB anyway). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Function<HttpExchangeData, HttpAnswer> handler;
    private final BiFunction<HttpExchangeData, Throwable, HttpAnswer> onFailure;
    private final Consumer<String> warnings;
    private final AtomicLong failures = new AtomicLong();
    private final ServerSocket serverSocket;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param onFailure the answer to a request whose handler threw
     * @param warnings  where a handler failure or a dropped connection is reported (one line each;
     *                  after the first few only every power of two, so a storm stays readable)
     */
    MiniHttpServer(int port, Function<HttpExchangeData, HttpAnswer> handler,
                   BiFunction<HttpExchangeData, Throwable, HttpAnswer> onFailure, Consumer<String> warnings) throws IOException {
        this.handler = handler;
        this.onFailure = onFailure;
        this.warnings = warnings;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ots-emulator-conn-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int port() { return serverSocket.getLocalPort(); }

    void start() {
        Thread acceptor = new Thread(this::acceptLoop, "ots-emulator-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = serverSocket.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (!closed) {
                HttpExchangeData req = readRequest(in);
                if (req == null) return;
                HttpAnswer answer = answer(req);
                if (answer.isReset()) {
                    socket.setSoLinger(true, 0); // RST instead of FIN: a hard network error
                    return;
                }
                boolean close = "close".equalsIgnoreCase(req.headers().get("connection"));
                writeAnswer(out, answer, close);
                if (close) return;
            }
        } catch (IOException e) {
            // the client went away or sent something that is not HTTP: nobody to answer
        } catch (RuntimeException | Error e) {
            // reading the request or writing the answer failed (e.g. out of memory for a body)
            warn("dropped a connection: " + e);
        } finally {
            open.remove(socket);
        }
    }

    /** The handler's answer, or the failure answer when it throws: never an unanswered request. */
    private HttpAnswer answer(HttpExchangeData req) {
        try {
            return handler.apply(req);
        } catch (Throwable t) { // an Error too: it used to close the connection with the request unanswered
            warn("failed to handle " + req.method() + " " + req.path() + ": " + t + " (answered with an error)");
            return onFailure.apply(req, t);
        }
    }

    private void warn(String message) {
        long n = failures.incrementAndGet();
        if (n <= 4 || Long.bitCount(n) == 1) {
            warnings.accept("ots-emulator: " + message + (n > 1 ? " [" + n + " failures so far]" : ""));
        }
    }

    private static HttpExchangeData readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in, true);
        if (requestLine == null) return null;
        while (requestLine.isEmpty()) {
            requestLine = readLine(in, true);
            if (requestLine == null) return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) throw new IOException("bad request line");
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        while (true) {
            String line = readLine(in, false);
            if (line == null) throw new EOFException();
            if (line.isEmpty()) break;
            total += line.length();
            if (total > MAX_HEADER_BYTES) throw new IOException("headers too large");
            int c = line.indexOf(':');
            if (c <= 0) continue;
            headers.put(line.substring(0, c).trim().toLowerCase(Locale.ROOT), line.substring(c + 1).trim());
        }
        byte[] body;
        String te = headers.get("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else {
            String cl = headers.get("content-length");
            int len = cl == null ? 0 : Integer.parseInt(cl.trim());
            if (len < 0 || len > MAX_BODY_BYTES) throw new IOException("body too large");
            body = in.readNBytes(len);
            if (body.length != len) throw new EOFException();
        }
        return new HttpExchangeData(parts[0], parts[1], headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            if (sizeLine == null) throw new EOFException();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (size == 0) {
                while (true) {
                    String trailer = readLine(in, false);
                    if (trailer == null || trailer.isEmpty()) return buf.toByteArray();
                }
            }
            if (buf.size() + size > MAX_BODY_BYTES) throw new IOException("body too large");
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) throw new EOFException();
            buf.write(chunk);
            readLine(in, false);
        }
    }

    /** Reads one CRLF/LF-terminated line as ISO-8859-1; null at EOF before any byte. */
    private static String readLine(InputStream in, boolean eofOk) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (sb.length() == 0 && eofOk) return null;
                if (sb.length() == 0) return null;
                throw new EOFException();
            }
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                return sb.toString();
            }
            if (sb.length() > MAX_HEADER_BYTES) throw new IOException("line too long");
            sb.append((char) b);
        }
    }

    private static void writeAnswer(OutputStream out, HttpAnswer a, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(512);
        head.append("HTTP/1.1 ").append(a.status()).append(' ').append(reason(a.status())).append("\r\n");
        for (Map.Entry<String, String> h : a.headers().entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(a.body().length).append("\r\n");
        head.append(close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(a.body());
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 413: return "Request Entity Too Large";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        workers.shutdownNow();
    }
}
