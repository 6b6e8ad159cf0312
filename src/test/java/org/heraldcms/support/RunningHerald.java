package org.heraldcms.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.heraldcms.Herald;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Herald started for real on a data folder, on a free port, talked to over HTTP. */
public final class RunningHerald implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    private RunningHerald(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
    }

    public static RunningHerald start(Path dataDir, String... properties) {
        return start(true, dataDir, properties);
    }

    public static RunningHerald offline(Path dataDir, String... properties) {
        return start(false, dataDir, properties);
    }

    private static RunningHerald start(boolean web, Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(List.of("--herald.data-dir=" + dataDir, "--server.port=0",
                "--logging.level.org.flywaydb=WARN", "--spring.main.banner-mode=off"));
        args.addAll(List.of(properties));
        return new RunningHerald(new SpringApplicationBuilder(Herald.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every bean of a type, by name (e.g. the handler mappings, to enumerate routes). */
    public <T> java.util.Map<String, T> beans(Class<T> type) {
        return context.getBeansOfType(type);
    }

    /** Publishes an application event, as a module of the application would. */
    public void publish(Object event) {
        context.publishEvent(event);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a GET exactly as written, over a plain socket, with these extra header lines (a
     * {@code Host} header included: Java's HTTP client will not send a forged one), and returns
     * the whole answer, status line, headers and body, as text. HTTP/1.0, so the body is not chunked.
     */
    public String raw(String path, String... headerLines) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
