package org.heraldcms.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A new account's password: typed unseen at a console, or the first line of standard input. */
final class Passwords {

    private Passwords() {
    }

    static char[] read() throws IOException {
        if (System.console() != null) {
            char[] typed = System.console().readPassword("password: ");
            return typed == null ? new char[0] : typed;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
