package dev.sluice.core.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.core.docs.graph.LineageQueries;
import dev.sluice.core.errors.SluiceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code docs serve}: the generated site (the target folder) over HTTP with the JDK's server, plus one endpoint the
 * pages use when served, {@code GET /api/lineage}: {@code ?select=..&exclude=..} (the CLI's selection syntax) or
 * {@code ?focus=<unique_id>[&depth=n]}, answered as JSON {@code {svg, nodes, depth, warnings}} (400 with
 * {@code {error}} for a bad selector). Only files under the site folder are served; nothing is written.
 */
public final class DocsServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json",
            "application/json; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "txt",
            "text/plain; charset=utf-8");
    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private final LineageQueries lineage;
    private final ObjectMapper mapper = new ObjectMapper();

    private DocsServer(HttpServer server, ExecutorService executor, Path root, LineageQueries lineage) {
        this.server = server;
        this.executor = executor;
        this.root = root;
        this.lineage = lineage;
    }

    /** Starts serving {@code siteRoot} on host:port (port 0: any free port); returns once it accepts connections. */
    public static DocsServer start(Path siteRoot, LineageQueries lineage, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sluice-docs-serve");
            t.setDaemon(true);
            return t;
        });
        DocsServer docs = new DocsServer(server, executor, siteRoot.toAbsolutePath().normalize(), lineage);
        server.createContext("/api/lineage", docs::api);
        server.createContext("/", docs::file);
        server.setExecutor(executor);
        server.start();
        return docs;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        String host = server.getAddress().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    private void file(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/")) {
                path += "index.html";
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain; charset=utf-8", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI());
            ObjectNode out = mapper.createObjectNode();
            int status = 200;
            try {
                LineageQueries.View view = query.containsKey("focus")
                        ? lineage.focus(query.get("focus"), query.containsKey("depth")
                                ? Integer.parseInt(query.get("depth")) : -1)
                        : lineage.select(query.get("select"), query.get("exclude"));
                out.put("svg", view.svg());
                out.put("nodes", view.nodes());
                out.put("depth", view.depth());
                view.warnings().forEach(out.putArray("warnings")::add);
            } catch (SluiceException | IllegalArgumentException e) {
                status = 400;
                out.put("error", e.getMessage());
            }
            send(exchange, status, TYPES.get("json"), mapper.writeValueAsBytes(out));
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
