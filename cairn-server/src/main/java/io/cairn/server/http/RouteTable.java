package io.cairn.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/** Every route of the API, in the order added; what the server registers and the OpenAPI document describes. */
public final class RouteTable {
    /** Where the API lives. */
    public static final String BASE = "/api/v1";

    private final List<Route> routes = new ArrayList<>();

    public RouteTable get(String path, Access access, String action, String summary, Handler handler) {
        return add(HandlerType.GET, path, access, action, summary, 200, handler);
    }

    public RouteTable post(String path, Access access, String action, String summary, int success, Handler handler) {
        return add(HandlerType.POST, path, access, action, summary, success, handler);
    }

    public RouteTable put(String path, Access access, String action, String summary, Handler handler) {
        return add(HandlerType.PUT, path, access, action, summary, 200, handler);
    }

    public RouteTable patch(String path, Access access, String action, String summary, Handler handler) {
        return add(HandlerType.PATCH, path, access, action, summary, 200, handler);
    }

    public RouteTable delete(String path, Access access, String action, String summary, Handler handler) {
        return add(HandlerType.DELETE, path, access, action, summary, 200, handler);
    }

    private RouteTable add(HandlerType method, String path, Access access, String action, String summary,
            int success, Handler handler) {
        routes.add(new Route(method, path, access, action, summary, success, handler));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
