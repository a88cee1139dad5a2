package io.cairn.spi.source;

import java.util.List;
import java.util.Optional;

/**
 * Creates sources of one connector type; registered in {@code META-INF/services/io.cairn.spi.source.SourceFactory}
 * and found with {@link java.util.ServiceLoader}.
 */
public interface SourceFactory {
    /** The stable type name used as {@code type:} in {@code tenants.yml}, e.g. {@code shopify}. */
    String type();

    /** The {@code source_system} written on raw rows; by default the type. */
    default String system() {
        return type();
    }

    /** Every configuration key the connector reads, with its type, default and secret flag. */
    List<ConfigField> configSpec();

    /**
     * Validates a configuration and, when it is well-formed, the credentials and reachability of the source.
     * Returns every problem found, one per field where a field is to blame; an empty list means "ready to sync".
     * Never throws for a bad configuration.
     */
    List<ConfigProblem> check(SourceConfig config, SourceContext context);

    /**
     * The credential a person stores again ({@code cairn credentials set <tenant> <source> <key>}) when the source
     * refused its grant and failed with {@link SourceException.Kind#NEEDS_REAUTHORISATION}; empty (the default) when
     * the connector never asks for re-authorisation.
     */
    default Optional<String> reauthorisationKey() {
        return Optional.empty();
    }

    /** Opens a source for reading; the caller closes it. Throws {@link SourceException} for a bad configuration. */
    Source open(SourceConfig config, SourceContext context);
}
