package io.cairn.core.alert;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where e-mail alerts go.
 *
 * @param user null when the server takes mail without authentication
 * @param password null with {@code user}; never shown by {@link #toString()}
 * @param startTls whether to require STARTTLS before authenticating
 */
public record SmtpSettings(String host, int port, String user, String password, boolean startTls, String from,
        List<String> to, Duration timeout) {
    public SmtpSettings {
        requireNonNull(host, "host is null");
        requireNonNull(from, "from is null");
        requireNonNull(timeout, "timeout is null");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("to is empty");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", startTls=" + startTls + ", from=" + from + ", to=" + to + "]";
    }
}
