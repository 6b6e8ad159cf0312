package org.heraldcms.security;

import java.util.List;

/** The attack strings, by kind. Each is sent as a value (percent-encoded as a client would send it). */
final class Payloads {

    /** SQL injection: breaking out of quotes and numbers, stacked statements, unions, comments, time, overflow. */
    static final List<String> SQL = List.of(
            "1 OR 1=1", "' OR '1'='1", "\" OR \"\"=\"", "1; DROP TABLE canary--", "1'; DELETE FROM canary; --",
            "-1 UNION SELECT username, display_name FROM app_user--", "1) OR (1=1", "title; UPDATE canary SET note='x'",
            "1 AND (SELECT 1 FROM (SELECT SLEEP(5))x)", "1' AND randomblob(500000000)--", "99999999999999999999",
            "id DESC, (SELECT 1)", "%' OR 1=1 --", "1e309");

    /** The few SQL strings every role and anonymous visitors send too (access must be decided before parsing). */
    static final List<String> SQL_SHORT = List.of("1 OR 1=1", "'; DROP TABLE canary--", "-1 UNION SELECT 1--");

    /** Reflected and stored XSS: elements, attributes breaking out of quotes, javascript: URLs. */
    static final List<String> XSS = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>",
            "javascript:alert(1)", "</title><script>alert(1)</script>", "<a href=\"javascript:alert(1)\">x</a>");

    /** Path traversal in every form MetInfo's filters missed; each aims at a planted secret file. */
    static List<String> traversal(String target) {
        return List.of(
                "../" + target, "../../" + target, "../../../" + target,
                "....//" + target, "....//....//" + target, "..;/" + target, "..;/..;/" + target,
                "%2e%2e%2f" + target, "%2e%2e/%2e%2e/" + target, "..%2f..%2f" + target, "%2e%2e%5c" + target,
                "%252e%252e%252f" + target, "%252e%252e%252f%252e%252e%252f" + target,
                "..\\" + target, "..\\..\\" + target, "..%5c..%5c" + target, "%c0%ae%c0%ae/" + target,
                "..%00/" + target, target + "%00.png", "/" + target, "//" + target);
    }

    /** Absolute paths to files that exist on every machine. */
    static final List<String> ABSOLUTE = List.of("/etc/passwd", "%2fetc%2fpasswd", "file:///etc/passwd",
            "C:\\Windows\\win.ini", "%2F%2Fetc%2Fpasswd", "....//....//....//....//....//etc/passwd",
            "..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "%252e%252e%252f%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd");

    /** Return addresses pointing off the site. */
    static final List<String> OFFSITE = List.of("//evil.example/", "https://evil.example/", "/\\evil.example/",
            "\\\\evil.example", "http:evil.example", "javascript:alert(1)", "%2F%2Fevil.example", "/%09/evil.example",
            "https:/\\evil.example");

    private Payloads() {
    }
}
