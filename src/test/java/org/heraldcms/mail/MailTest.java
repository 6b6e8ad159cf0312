package org.heraldcms.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MailTest {

    @Test
    void aLineBreakCannotAddHeaders() {
        assertThrows(IllegalArgumentException.class, () -> new Mail("a@example.org\r\nBcc: b@example.org", "s", "t"));
        assertEquals("Hello Bcc: b@example.org", new Mail("a@example.org", "Hello\r\nBcc: b@example.org", "t").subject());
    }
}
