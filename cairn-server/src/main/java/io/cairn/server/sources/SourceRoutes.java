package io.cairn.server.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.config.Secrets;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.sync.SourceFactories;
import io.cairn.server.errors.ApiException;
import io.cairn.server.http.Access;
import io.cairn.server.http.Requests;
import io.cairn.server.http.RouteTable;
import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.ConfigProblem;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceFactory;
import io.cairn.spi.source.StreamDescriptor;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** {@code /tenants/{tenant}/sources}: add, list, read, configure, remove, check, discover and select streams. */
public final class SourceRoutes {
    private static final String BASE = "/tenants/{tenant}/sources";
    private static final String ONE = BASE + "/{source}";

    private final ControlPlane controlPlane;

    public SourceRoutes(ControlPlane controlPlane) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
    }

    public void addTo(RouteTable table) {
        table.post(BASE, Access.TENANT_WRITE, "source.add", "Add a source", 201, this::add)
                .get(BASE, Access.TENANT_WRITE, "source.list", "List the tenant's sources", this::list)
                .get(ONE, Access.TENANT_WRITE, "source.read", "Read a source", this::read)
                .patch(ONE, Access.TENANT_WRITE, "source.configure", "Change options or enable/disable",
                        this::configure)
                .delete(ONE, Access.TENANT_WRITE, "source.remove", "Remove a source", this::remove)
                .post(ONE + "/check", Access.TENANT_WRITE, "source.check",
                        "Check configuration, credentials and reachability; per-field problems", 200, this::check)
                .get(ONE + "/streams", Access.TENANT_WRITE, "source.discover", "Discover the source's streams",
                        this::streams)
                .put(ONE + "/streams", Access.TENANT_WRITE, "source.streams", "Choose the streams to sync",
                        this::selectStreams);
    }

    private void add(Context ctx) {
        TenantId tenant = Requests.tenant(ctx);
        ObjectNode body = Requests.body(ctx);
        String name = Requests.checkName(Requests.requiredString(body, "name"), "name");
        SourceFactory factory = Connectors.find(Requests.requiredString(body, "type"), "type");
        Map<String, String> options = new HashMap<>(Requests.optionalStrings(body, "options").orElse(Map.of()));
        options.values().removeIf(value -> value == null);
        Connectors.rejectSecrets(factory, options, tenant.value(), name);
        if (controlPlane.sources().find(tenant, name).isPresent()) {
            throw ApiException.conflict("Tenant %s already has a source %s", tenant, name);
        }
        SourceDefinition source = new SourceDefinition(tenant, name, factory.type(), factory.system(),
                Requests.optionalBoolean(body, "enabled").orElse(true), options);
        controlPlane.sources().upsert(source);
        ctx.status(201).json(SourceView.of(source));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("sources", controlPlane.sources().list(Requests.tenant(ctx)).stream().map(SourceView::of)
                .toList()));
    }

    private void read(Context ctx) {
        ctx.json(SourceView.of(existing(ctx)));
    }

    private void configure(Context ctx) {
        SourceDefinition current = existing(ctx);
        ObjectNode body = Requests.body(ctx);
        SourceFactory factory = Connectors.find(current.type(), "type");
        Map<String, String> changes = Requests.optionalStrings(body, "options").orElse(Map.of());
        Connectors.rejectSecrets(factory, changes, current.tenant().value(), current.name());
        Map<String, String> options = new HashMap<>(current.options());
        changes.forEach((key, value) -> {
            if (value == null) {
                options.remove(key);
            } else {
                options.put(key, value);
            }
        });
        SourceDefinition source = new SourceDefinition(current.tenant(), current.name(), current.type(),
                current.system(), Requests.optionalBoolean(body, "enabled").orElse(current.enabled()), options);
        controlPlane.sources().upsert(source);
        ctx.json(SourceView.of(source));
    }

    private void remove(Context ctx) {
        SourceDefinition source = existing(ctx);
        controlPlane.sources().remove(source.tenant(), source.name());
        ctx.json(Map.of("removed", source.name()));
    }

    private void check(Context ctx) {
        SourceDefinition source = existing(ctx);
        SourceFactory factory = Connectors.find(source.type(), "type");
        List<ConfigProblem> problems = new ArrayList<>(missingSecrets(source));
        if (problems.isEmpty()) {
            problems.addAll(factory.check(SourceFactories.config(source, factory, controlPlane.credentials()),
                    new SourceContext(controlPlane.credentials())));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("source", source.name());
        answer.put("ok", problems.isEmpty());
        answer.put("problems", problems.stream().map(p -> {
            Map<String, String> problem = new LinkedHashMap<>();
            problem.put("field", p.field());
            problem.put("message", p.message());
            return problem;
        }).toList());
        ctx.json(answer);
    }

    /** Secret options whose value is not in the credential store (the connector could not be configured). */
    private List<ConfigProblem> missingSecrets(SourceDefinition source) {
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> stored = Set.copyOf(controlPlane.credentials().keys(source.tenant(), source.name()));
        source.options().forEach((key, value) -> {
            if (Secrets.MASK.equals(value) && !stored.contains("option." + key)) {
                problems.add(new ConfigProblem(key, "is not set: PUT /tenants/" + source.tenant() + "/credentials/"
                        + source.name()));
            }
        });
        return problems;
    }

    private void streams(Context ctx) {
        SourceDefinition source = existing(ctx);
        List<String> chosen = chosen(source);
        ctx.json(Map.of("source", source.name(), "streams", discover(source).stream().map(stream -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", stream.name());
            view.put("incremental", stream.incremental());
            view.put("description", stream.description());
            view.put("enabled", chosen.isEmpty() || chosen.contains(stream.name()));
            return view;
        }).toList()));
    }

    private void selectStreams(Context ctx) {
        SourceDefinition source = existing(ctx);
        JsonNode enabled = Requests.body(ctx).get("enabled");
        if (enabled == null || !enabled.isArray() || enabled.isEmpty()) {
            throw ApiException.invalid("enabled", "'enabled' must be a non-empty list of stream names");
        }
        List<String> offered = discover(source).stream().map(StreamDescriptor::name).toList();
        List<String> streams = new ArrayList<>();
        for (JsonNode stream : enabled) {
            if (!stream.isTextual() || !offered.contains(stream.asText())) {
                throw ApiException.invalid("enabled", "'%s' is not a stream of source %s; it has %s",
                        stream.asText(), source.name(), offered);
            }
            streams.add(stream.asText());
        }
        Map<String, String> options = new HashMap<>(source.options());
        options.put(SourceFactories.STREAMS_OPTION, String.join(",", streams));
        controlPlane.sources().upsert(new SourceDefinition(source.tenant(), source.name(), source.type(),
                source.system(), source.enabled(), options));
        ctx.json(Map.of("source", source.name(), "enabled", streams));
    }

    private List<StreamDescriptor> discover(SourceDefinition source) {
        if (!missingSecrets(source).isEmpty()) {
            throw ApiException.invalid("credentials", "Source %s lacks credentials; check it first", source.name());
        }
        SourceFactory factory = Connectors.find(source.type(), "type");
        try (Source open = factory.open(SourceFactories.config(source, factory, controlPlane.credentials()),
                new SourceContext(controlPlane.credentials()))) {
            return open.streams();
        } catch (CairnException e) {
            throw ApiException.invalid("options", "Cannot open source %s of tenant %s: %s", source.name(),
                    source.tenant(), e.getMessage());
        }
    }

    private static List<String> chosen(SourceDefinition source) {
        String value = source.options().get(SourceFactories.STREAMS_OPTION);
        return value == null || value.isBlank() ? List.of()
                : List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private SourceDefinition existing(Context ctx) {
        TenantId tenant = Requests.tenant(ctx);
        String name = Requests.name(ctx, "source");
        return controlPlane.sources().find(tenant, name).orElseThrow(() -> ApiException.notFound(
                "Tenant %s has no source %s", tenant, name));
    }
}
