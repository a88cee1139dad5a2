package io.cairn.server.sources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.alert.AlertChannels;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.CredentialTable;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.server.errors.ApiException;
import io.cairn.server.http.Access;
import io.cairn.server.http.Requests;
import io.cairn.server.http.RouteTable;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.SourceFactory;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code /tenants/{tenant}/credentials}: write-only credentials of sources. Values go to the encrypted credential
 * store; reads show which are set, masked, never their values.
 */
public final class CredentialRoutes {
    private final ControlPlane controlPlane;

    public CredentialRoutes(ControlPlane controlPlane) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
    }

    public void addTo(RouteTable table) {
        table.get("/tenants/{tenant}/credentials", Access.TENANT_WRITE, "credential.list",
                        "List the tenant's credentials, masked", this::list)
                .put("/tenants/{tenant}/credentials/{source}", Access.TENANT_WRITE, "credential.set",
                        "Set credentials of a source (write-only)", this::set);
    }

    private void list(Context ctx) {
        TenantId tenant = Requests.tenant(ctx);
        List<String> sources = new ArrayList<>(controlPlane.sources().list(tenant).stream()
                .map(SourceDefinition::name).toList());
        sources.add(AlertChannels.SOURCE);
        List<Map<String, String>> credentials = new ArrayList<>();
        for (String source : sources) {
            for (String key : controlPlane.credentials().keys(tenant, source)) {
                credentials.add(masked(source, key));
            }
        }
        ctx.json(Map.of("credentials", credentials));
    }

    private void set(Context ctx) {
        TenantId tenant = Requests.tenant(ctx);
        String name = Requests.name(ctx, "source");
        SourceDefinition source = controlPlane.sources().find(tenant, name).orElseThrow(() -> ApiException.notFound(
                "Tenant %s has no source %s", tenant, name));
        ObjectNode body = Requests.body(ctx);
        Map<String, String> values = Requests.optionalStrings(body, "credentials").orElseThrow(() ->
                ApiException.invalid("credentials", "'credentials' must be an object of credential names and values"));
        SourceFactory factory = Connectors.find(source.type(), "type");
        Map<String, String> options = new HashMap<>(source.options());
        for (Map.Entry<String, String> value : values.entrySet()) {
            String field = "credentials." + value.getKey();
            if (!Connectors.storable(factory, value.getKey())) {
                throw ApiException.invalid(field, "'%s' is not a credential of connector %s", value.getKey(),
                        factory.type());
            }
            if (value.getValue() == null || value.getValue().isBlank()) {
                throw ApiException.invalid(field, "'%s' needs a non-empty value", value.getKey());
            }
            options.put(value.getKey(), value.getValue());
        }
        controlPlane.sources().upsert(new SourceDefinition(tenant, name, source.type(), source.system(),
                source.enabled(), options));
        List<Map<String, String>> stored = new ArrayList<>();
        values.keySet().forEach(key -> stored.add(masked(name, CredentialTable.OPTION_PREFIX + key)));
        ctx.json(Map.of("credentials", stored));
    }

    private static Map<String, String> masked(String source, String key) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("source", source);
        view.put("key", key.startsWith(CredentialTable.OPTION_PREFIX)
                ? key.substring(CredentialTable.OPTION_PREFIX.length()) : key);
        view.put("value", "***");
        return view;
    }
}
