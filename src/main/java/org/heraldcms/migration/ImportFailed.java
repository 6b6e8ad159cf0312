package org.heraldcms.migration;

/** An import, backup or restore that stopped: the message names the problem and the item; nothing was kept. */
public class ImportFailed extends RuntimeException {

    public ImportFailed(String message) {
        super(message);
    }

    public ImportFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
