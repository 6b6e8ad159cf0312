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

/** A visitor of the public site: keeps cookies (the CSRF cookie, a member's session), posts forms. */
public final class PublicClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningHerald herald;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public PublicClient(RunningHerald herald) {
        this.herald = herald;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(herald.uri(path)).GET());
    }

    public String csrf(String page) {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1);
    }

    /** POSTs a form; {@code token} null sends none. */
    public HttpResponse<String> post(String path, String token, String... fields) {
        List<String> pairs = new ArrayList<>();
        if (token != null) {
            pairs.add("_csrf=" + enc(token));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            pairs.add(enc(fields[i]) + "=" + enc(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(herald.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
