package io.cairn.server;

import io.cairn.core.config.ApiSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.metrics.CairnMetrics;
import io.cairn.core.schedule.ScheduleStore;
import io.cairn.core.serving.TenantData;
import io.cairn.server.auth.Authenticator;
import io.cairn.server.auth.Quotas;
import io.cairn.server.auth.RateLimiter;
import io.cairn.server.data.DataRoutes;
import io.cairn.server.errors.ErrorHandlers;
import io.cairn.server.errors.MalformedRequests;
import io.cairn.server.http.Access;
import io.cairn.server.http.Gate;
import io.cairn.server.http.Json;
import io.cairn.server.http.RouteTable;
import io.cairn.server.keys.KeyRoutes;
import io.cairn.server.openapi.OpenApiDocument;
import io.cairn.server.ops.OpsRoutes;
import io.cairn.server.ops.ReadinessCheck;
import io.cairn.server.runs.RunLauncher;
import io.cairn.server.runs.RunRoutes;
import io.cairn.server.runs.ScheduleRoutes;
import io.cairn.server.sources.CredentialRoutes;
import io.cairn.server.sources.SourceRoutes;
import io.cairn.server.tenants.ControlPlaneOffboarder;
import io.cairn.server.tenants.TenantOffboarder;
import io.cairn.server.tenants.TenantRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The HTTP server of {@code cairn serve}: the API under {@code /api/v1} (its OpenAPI document at
 * {@code /api/v1/openapi.json}), {@code /health} and {@code /metrics}. Build with {@link #builder}, then
 * {@link #start}; {@link #close} stops it.
 */
public final class CairnServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CairnServer.class);
    static final String VERSION = "1.0.0";

    private final Javalin app;
    private final RouteTable routes;
    private final List<String> registered = new CopyOnWriteArrayList<>();
    /** Built from the route table after every route is in it; read by the route serving it. */
    private volatile Map<String, Object> openApi = Map.of();

    private CairnServer(Builder builder) {
        this.routes = routes(builder);
        this.openApi = OpenApiDocument.build(routes, VERSION);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    registered.add(handler.getHttpMethod().name() + " " + handler.getPath());
                }
            });
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.defaultContentType = "application/json";
            // Let odd paths (encoded dots and slashes) reach the API, which refuses them as JSON and audits them;
            // what Jetty still refuses itself (a NUL) is answered and audited by MalformedRequests.
            config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.UNSAFE));
            config.jetty.modifyServer(server -> server.setErrorHandler(new MalformedRequests(
                    builder.controlPlane.audit())));
        });
        ErrorHandlers.register(app);
        new Gate(new Authenticator(builder.controlPlane.apiKeys()), new RateLimiter(builder.settings
                .requestsPerSecond(), builder.settings.burst(), System::nanoTime), builder.controlPlane.audit(),
                builder.metrics.registry()).install(app, routes);
        new OpsRoutes(builder.checks, builder.metrics).install(app);
    }

    private RouteTable routes(Builder builder) {
        RouteTable table = new RouteTable();
        Quotas quotas = new Quotas(builder.controlPlane.plans(), builder.settings, builder.clock);
        table.get("/openapi.json", Access.PUBLIC, "api.describe", "This OpenAPI document",
                ctx -> ctx.json(openApi));
        new TenantRoutes(builder.controlPlane, quotas, builder.offboarder, builder.settings.defaultPlan(),
                builder.clock).addTo(table);
        new SourceRoutes(builder.controlPlane).addTo(table);
        new CredentialRoutes(builder.controlPlane).addTo(table);
        new RunRoutes(builder.controlPlane, builder.launcher, quotas).addTo(table);
        if (builder.schedules != null) {
            new ScheduleRoutes(builder.schedules).addTo(table);
        }
        new DataRoutes(builder.data, builder.settings).addTo(table);
        new KeyRoutes(builder.controlPlane, builder.clock).addTo(table);
        return table;
    }

    public static Builder builder(ControlPlane controlPlane, TenantData data, RunLauncher launcher) {
        return new Builder(controlPlane, data, launcher);
    }

    /** Listens on {@code host} and {@code port} (0: any free port, see {@link #port()}). */
    public CairnServer start(String host, int port) {
        app.start(host, port);
        LOG.info("Serving the Cairn API on http://{}:{}{}", host, app.port(), RouteTable.BASE);
        return this;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** Every endpoint Javalin registered, as {@code METHOD /path}: what the OpenAPI document must match. */
    public List<String> registeredEndpoints() {
        return List.copyOf(registered);
    }

    /** The routes under {@code /api/v1}, as registered. */
    public RouteTable routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** What the server needs; the control plane, tenant data and run launcher are required. */
    public static final class Builder {
        private final ControlPlane controlPlane;
        private final TenantData data;
        private final RunLauncher launcher;
        private final Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
        private ApiSettings settings = ApiSettings.defaults();
        private ScheduleStore schedules;
        private TenantOffboarder offboarder;
        private CairnMetrics metrics;
        private Clock clock = Clock.systemUTC();

        private Builder(ControlPlane controlPlane, TenantData data, RunLauncher launcher) {
            this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
            this.data = requireNonNull(data, "data is null");
            this.launcher = requireNonNull(launcher, "launcher is null");
            checks.put("control_plane", () -> controlPlane.apiKeys().find("ck_health"));
        }

        public Builder settings(ApiSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
            return this;
        }

        /** Enables {@code /schedules}. */
        public Builder schedules(ScheduleStore schedules) {
            this.schedules = requireNonNull(schedules, "schedules is null");
            return this;
        }

        /** Replaces the default offboarding, which removes the tenant from the control plane only. */
        public Builder offboarder(TenantOffboarder offboarder) {
            this.offboarder = requireNonNull(offboarder, "offboarder is null");
            return this;
        }

        public Builder metrics(CairnMetrics metrics) {
            this.metrics = requireNonNull(metrics, "metrics is null");
            return this;
        }

        /** Adds a readiness check to {@code /health} (the control plane is always checked). */
        public Builder readiness(String name, ReadinessCheck check) {
            checks.put(requireNonNull(name, "name is null"), requireNonNull(check, "check is null"));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        public CairnServer build() {
            if (offboarder == null) {
                offboarder = new ControlPlaneOffboarder(controlPlane);
            }
            if (metrics == null) {
                metrics = new CairnMetrics(clock);
            }
            return new CairnServer(this);
        }
    }
}
