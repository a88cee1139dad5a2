package io.cairn.warehouse.postgres.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.cairn.spi.raw.Envelope;

import static java.util.Objects.requireNonNull;

/**
 * Which schemas Cairn secures and who may use them.
 *
 * @param rawSchema the landing schema: the loader writes it, the transformer reads it, readers never see it
 * @param modelSchemas schemas the transformer builds (staging, intermediate, marts)
 * @param readerSchemas the subset of {@code modelSchemas} tenant readers may query, through row-level security
 * @param readerRole the role granted the reader schemas and named in the reader policies: the group of every
 *     tenant reader ({@value TenantRoles#READERS}) for the shared schemas, one tenant's reader role for a dedicated
 *     tenant's schemas, so that no other tenant's reader may even use them
 */
public record IsolationLayout(String rawSchema, List<String> modelSchemas, List<String> readerSchemas,
        String readerRole) {
    public static final IsolationLayout DEFAULT = new IsolationLayout(Envelope.RAW_SCHEMA,
            List.of("staging", "intermediate", "marts"), List.of("marts"));

    /** Shared schemas, read by every tenant reader through row-level security. */
    public IsolationLayout(String rawSchema, List<String> modelSchemas, List<String> readerSchemas) {
        this(rawSchema, modelSchemas, readerSchemas, TenantRoles.READERS);
    }

    public IsolationLayout {
        requireNonNull(rawSchema, "rawSchema is null");
        requireNonNull(readerRole, "readerRole is null");
        modelSchemas = List.copyOf(requireNonNull(modelSchemas, "modelSchemas is null"));
        readerSchemas = List.copyOf(requireNonNull(readerSchemas, "readerSchemas is null"));
        if (!modelSchemas.containsAll(readerSchemas)) {
            throw new IllegalArgumentException("readerSchemas " + readerSchemas + " must be among modelSchemas "
                    + modelSchemas);
        }
        if (modelSchemas.contains(rawSchema)) {
            throw new IllegalArgumentException("the raw schema " + rawSchema + " cannot be a model schema");
        }
    }

    /**
     * This layout for one dedicated tenant: every schema prefixed with {@code prefix} ({@code acme_raw},
     * {@code acme_marts}, ...), granted to {@code readerRole} (the tenant's reader) alone.
     */
    public IsolationLayout prefixed(String prefix, String readerRole) {
        requireNonNull(prefix, "prefix is null");
        return new IsolationLayout(prefix + rawSchema, modelSchemas.stream().map(prefix::concat).toList(),
                readerSchemas.stream().map(prefix::concat).toList(), readerRole);
    }

    /** The raw schema and every model schema, in that order. */
    public List<String> allSchemas() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(rawSchema);
        all.addAll(modelSchemas);
        return new ArrayList<>(all);
    }
}
