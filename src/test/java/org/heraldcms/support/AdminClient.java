package org.heraldcms.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for the admin: keeps its cookies, reads CSRF tokens from forms, posts forms. */
public final class AdminClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningHerald herald;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> extraHeaders = new ArrayList<>();

    public AdminClient(RunningHerald herald) {
        this.herald = herald;
    }

    /** Signs in; returns the login POST's answer (303/302 to /admin/ on success). */
    public HttpResponse<String> login(String username, String password) {
        return post("/admin/login", true, "username", username, "password", password);
    }

    public static AdminClient signedIn(RunningHerald herald, String username, String password) {
        AdminClient client = new AdminClient(herald);
        HttpResponse<String> answer = client.login(username, password);
        String location = answer.headers().firstValue("Location").orElse("");
        if (!location.endsWith("/admin/")) {
            throw new IllegalStateException("login of " + username + " failed: " + answer.statusCode() + " " + location);
        }
        return client;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(herald.uri(path)).GET());
    }

    /** A fresh CSRF token from a page with a form. */
    public String csrf(String page) {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1);
    }

    /** POSTs a form; with {@code withCsrf} the token from the login or password page goes along. */
    public HttpResponse<String> post(String path, boolean withCsrf, String... fields) {
        List<String> pairs = new ArrayList<>();
        if (withCsrf) {
            HttpResponse<String> signedIn = get("/admin/password");
            pairs.add("_csrf=" + enc(csrf(signedIn.statusCode() == 200 ? "/admin/password" : "/admin/login")));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            pairs.add(enc(fields[i]) + "=" + enc(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(herald.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    /** POSTs one file as multipart/form-data (field {@code file}) with these other fields (name, value...) and the CSRF token. */
    public HttpResponse<String> upload(String path, String filename, byte[] bytes, String... fields) {
        String token = csrf("/admin/password");
        String boundary = "----herald" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder parts = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + token + "\r\n");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        byte[] head = (parts + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(herald.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            for (int i = 0; i + 1 < extraHeaders.size(); i += 2) {
                request.header(extraHeaders.get(i), extraHeaders.get(i + 1));
            }
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends this header with every later request (e.g. X-Forwarded-For, User-Agent). */
    public AdminClient header(String name, String value) {
        extraHeaders.add(name);
        extraHeaders.add(value);
        return this;
    }

    /** POSTs a form with a CSRF token fetched earlier (the token stays valid for the session): one request, not three. */
    public HttpResponse<String> postWithToken(String path, String token, List<String[]> fields) {
        List<String> pairs = new ArrayList<>();
        if (token != null) {
            pairs.add("_csrf=" + enc(token));
        }
        for (String[] field : fields) {
            pairs.add(enc(field[0]) + "=" + enc(field[1]));
        }
        return send(HttpRequest.newBuilder(herald.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    /** A GET whose answer is read as bytes (a download). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(herald.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of a path already percent-encoded as it should go on the wire. */
    public HttpResponse<String> getRaw(java.net.URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
