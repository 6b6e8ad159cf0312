package org.heraldcms.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one way Herald fetches a URL on a user's behalf, safe from server-side request forgery:
 * http and https only; the host is resolved once and every address is checked (no loopback,
 * private, link-local, metadata, unspecified, multicast or other special range, IPv4-mapped forms
 * included); the connection goes to exactly that checked address, so DNS cannot change its answer
 * in between; redirects are followed by hand, at most {@link #MAX_REDIRECTS}, each checked again;
 * the body is limited in size and the whole fetch in time.
 */
@Component
public class RemoteFetch {

    public static final int MAX_REDIRECTS = 3;
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration TOTAL = Duration.ofSeconds(20);
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** What came back: the bytes, the declared content type (not to be trusted) and the address that answered. */
    public record Fetched(URI uri, String contentType, byte[] body) {
    }

    /** Why a fetch was refused or failed, in words for the user. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final boolean allowLoopback;

    /**
     * @param allowLoopback TESTS ONLY ({@code herald.remote-fetch.allow-loopback}): lets a test fetch from
     *                      its own server on 127.0.0.1. Never set it on a real site.
     */
    public RemoteFetch(@Value("${herald.remote-fetch.allow-loopback:false}") boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    public Fetched get(String url, long maxBytes) {
        Instant deadline = Instant.now().plus(TOTAL);
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Response response = fetchOnce(uri, maxBytes, deadline);
            if (response.status >= 300 && response.status < 400 && response.headers.containsKey("location")) {
                uri = parse(uri.resolve(response.headers.get("location").strip()).toString());
                continue;
            }
            if (response.status != 200) {
                throw new Refused("The address answered " + response.status);
            }
            return new Fetched(uri, response.headers.getOrDefault("content-type", ""), response.body);
        }
        throw new Refused("Too many redirects (more than " + MAX_REDIRECTS + ")");
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip()).normalize();
        } catch (java.net.URISyntaxException e) {
            throw new Refused("That is not a web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("Only http and https addresses can be fetched");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("That is not a web address");
        }
        return uri;
    }

    /** The host's one checked address: every address it resolves to must be public. */
    InetAddress checkedAddress(String host) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String lower = name.toLowerCase(Locale.ROOT);
        if (!name.contains(":") && !DOTTED_QUAD.matcher(lower).matches()
                && java.util.Arrays.stream(lower.split("\\.", -1)).allMatch(l -> NUMERIC_LABEL.matcher(l).matches())) {
            // 2130706433, 0x7f.1, 0177.0.0.1: numbers in forms resolvers read differently; no site needs them.
            throw new Refused("That address is not allowed");
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(name.contains(":") ? name : IDN.toASCII(name));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new Refused("The host name cannot be found");
        }
        for (InetAddress address : all) {
            if (blocked(address) && !(allowLoopback && address.isLoopbackAddress())) {
                throw new Refused("That address is not allowed (it is local or private)");
            }
        }
        return all[0];
    }

    /** Loopback, private, link-local, unspecified, multicast, shared, documentation, reserved; IPv6 too. */
    public static boolean blocked(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return blockedV4(new byte[] {b[12], b[13], b[14], b[15]}); // ::ffff:a.b.c.d and ::a.b.c.d
            }
            if ((b[0] == 0x20 && b[1] == 0x02) || (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b)) {
                return true; // 6to4 and NAT64 carry an IPv4 address that may be private
            }
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress()
                    || (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                    || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8); // documentation
        }
        return address instanceof Inet4Address && blockedV4(address.getAddress());
    }

    private static boolean blockedV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224 // this network, private, loopback, multicast, reserved
                || (a0 == 100 && a1 >= 64 && a1 < 128) // shared address space
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata 169.254.169.254
                || (a0 == 172 && a1 >= 16 && a1 < 32) || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) || (a0 == 198 && (a1 == 18 || a1 == 19));
    }

    private record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private Response fetchOnce(URI uri, long maxBytes, Instant deadline) {
        InetAddress address = checkedAddress(uri.getHost());
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), (int) CONNECT.toMillis());
            plain.setSoTimeout((int) CONNECT.toMillis());
            Socket socket = plain;
            if (tls) {
                SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(plain, uri.getHost(), port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                socket = secure;
            }
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String hostHeader = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + hostHeader + "\r\nUser-Agent: Herald\r\n"
                    + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream(), maxBytes, deadline);
        } catch (IOException e) {
            throw new Refused("The address could not be fetched: " + e.getClass().getSimpleName());
        }
    }

    private static Response read(InputStream in, long maxBytes, Instant deadline) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new Refused("The address did not answer in HTTP");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && headers.size() < 100) {
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
        }
        String length = headers.get("content-length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
            throw new Refused("The file is larger than " + maxBytes / 1024 / 1024 + " MB");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            body.write(buffer, 0, n);
            if (body.size() > maxBytes) {
                throw new Refused("The file is larger than " + maxBytes / 1024 / 1024 + " MB");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new Refused("The address took too long to answer");
            }
        }
        byte[] bytes = body.toByteArray();
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            bytes = unchunk(bytes);
        }
        return new Response(Integer.parseInt(parts[1]), headers, bytes);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (line.length() > 8192) {
                throw new Refused("The address sent an overlong header");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(chunked);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in).split(";", 2)[0].strip();
            if (!size.matches("[0-9a-fA-F]{1,8}")) {
                throw new Refused("The address sent a malformed answer");
            }
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            line(in);
        }
    }
}
