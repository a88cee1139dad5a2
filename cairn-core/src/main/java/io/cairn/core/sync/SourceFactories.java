package io.cairn.core.sync;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import io.cairn.core.controlplane.CredentialTable;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.StreamDescriptor;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.SourceConfig;
import io.cairn.spi.source.SourceFactory;

/** The connectors on the class path, found with {@link ServiceLoader}. */
public final class SourceFactories {
    private SourceFactories() {}

    public static List<SourceFactory> all() {
        return ServiceLoader.load(SourceFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The connector of a source type; fails naming the known types when there is none. */
    public static SourceFactory find(String type) {
        List<SourceFactory> all = all();
        return all.stream().filter(factory -> factory.type().equals(type)).findFirst()
                .orElseThrow(() -> new CairnException(ErrorCode.CONFIG,
                        "Cannot find a connector of type '%s': the known types are %s", type,
                        all.stream().map(SourceFactory::type).sorted().toList()));
    }

    /**
     * The platform's own option of every source: a comma-separated list of the streams to sync (default: all the
     * connector offers). It is not passed to the connector.
     */
    public static final String STREAMS_OPTION = "streams";

    /**
     * The platform's option of how many streams of one source are read at once (default
     * {@value #DEFAULT_PARALLEL_STREAMS}) when its connector supports it. Not passed to the connector.
     */
    public static final String PARALLEL_STREAMS_OPTION = "parallel_streams";
    public static final int DEFAULT_PARALLEL_STREAMS = 3;

    /** The source's {@code parallel_streams}; fails naming tenant and source when it is not a positive number. */
    public static int parallelStreams(SourceDefinition definition) {
        String value = definition.options().get(PARALLEL_STREAMS_OPTION);
        if (value == null || value.isBlank()) {
            return DEFAULT_PARALLEL_STREAMS;
        }
        try {
            int parallel = Integer.parseInt(value.strip());
            if (parallel >= 1) {
                return parallel;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new CairnException(ErrorCode.CONFIG, "Cannot sync tenant %s source %s: %s '%s' is not a whole number "
                + "of at least 1", definition.tenant(), definition.name(), PARALLEL_STREAMS_OPTION, value);
    }

    /**
     * A registered source's configuration with its secrets decrypted from the credential store, secrets flagged by
     * the connector's spec.
     */
    public static SourceConfig config(SourceDefinition source, SourceFactory factory, CredentialTable credentials) {
        return new SourceConfig(source.tenant(), source.name(), connectorOptions(credentials.resolve(source)),
                secretKeys(factory));
    }

    /** The streams to sync: the source's {@code streams} option, or every stream the source offers. */
    public static List<String> streams(SourceDefinition definition, Source source) {
        List<String> offered = source.streams().stream().map(StreamDescriptor::name).toList();
        String chosen = definition.options().get(STREAMS_OPTION);
        if (chosen == null || chosen.isBlank()) {
            return offered;
        }
        List<String> streams = Arrays.stream(chosen.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String stream : streams) {
            if (!offered.contains(stream)) {
                throw new CairnException(ErrorCode.CONFIG, "Cannot sync stream %s of tenant %s source %s: the "
                        + "connector has no such stream (it has %s)", stream, definition.tenant(), definition.name(),
                        offered);
            }
        }
        return streams;
    }

    private static Set<String> secretKeys(SourceFactory factory) {
        return factory.configSpec().stream().filter(ConfigField::secret).map(ConfigField::name)
                .collect(Collectors.toSet());
    }

    /** A registered source's options as a connector configuration, secrets flagged by the connector's spec. */
    public static SourceConfig config(SourceDefinition source, SourceFactory factory) {
        return new SourceConfig(source.tenant(), source.name(), connectorOptions(source.options()),
                secretKeys(factory));
    }

    /** The options without the platform's own ({@code streams}, {@code parallel_streams}). */
    private static Map<String, String> connectorOptions(Map<String, String> options) {
        Map<String, String> connector = new HashMap<>(options);
        connector.remove(STREAMS_OPTION);
        connector.remove(PARALLEL_STREAMS_OPTION);
        return connector;
    }
}
