package io.cairn.core.sync;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import io.cairn.core.controlplane.SourceDefinition;
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

    /** A registered source's options as a connector configuration, secrets flagged by the connector's spec. */
    public static SourceConfig config(SourceDefinition source, SourceFactory factory) {
        Set<String> secrets = factory.configSpec().stream().filter(ConfigField::secret).map(ConfigField::name)
                .collect(Collectors.toSet());
        return new SourceConfig(source.tenant(), source.name(), source.options(), secrets);
    }
}
