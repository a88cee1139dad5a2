package io.cairn.connectors.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One structured line per HTTP request; query values of credential-like parameters are masked. */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Set<String> SECRET_PARAMS = Set.of("access_token", "refresh_token", "client_secret",
            "token", "code", "password", "api_key", "key", "secret", "signature");

    private RequestLog() {}

    /** Logs a finished attempt; {@code status} is 0 when no response arrived. */
    static void attempt(String client, String method, URI uri, int status, long millis, int attempt, String error) {
        if (error == null) {
            LOG.info("http client={} method={} path={} status={} duration_ms={} attempt={}", client, method,
                    redact(uri), status, millis, attempt);
        }
        else {
            LOG.warn("http client={} method={} path={} status={} duration_ms={} attempt={} error=\"{}\"", client,
                    method, redact(uri), status, millis, attempt, error);
        }
    }

    /** The path and query of a URI with credential-like query values replaced by {@code ***}. */
    public static String redact(URI uri) {
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if (query == null) {
            return path;
        }
        StringBuilder shown = new StringBuilder(path).append('?');
        String[] pairs = query.split("&");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
            boolean secret = SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT));
            shown.append(i == 0 ? "" : "&").append(secret && eq >= 0 ? name + "=***" : pairs[i]);
        }
        return shown.toString();
    }
}
