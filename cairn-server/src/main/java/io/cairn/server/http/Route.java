package io.cairn.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One route of the API, with what the OpenAPI document and the audit log need to know about it.
 *
 * @param path relative to {@code /api/v1}, with {@code {name}} path parameters
 * @param action the audit log's action, e.g. {@code tenant.onboard}
 * @param success the status of a successful answer
 */
public record Route(HandlerType method, String path, Access access, String action, String summary, int success,
                    Handler handler) {
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    public Route {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(access, "access is null");
        requireNonNull(action, "action is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(handler, "handler is null");
    }

    /** The names of the path parameters, in order. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
