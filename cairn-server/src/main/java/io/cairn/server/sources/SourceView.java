package io.cairn.server.sources;

import io.cairn.core.config.Secrets;
import io.cairn.core.controlplane.SourceDefinition;

import java.util.Map;

/** A source as the API shows it: options with every secret masked. */
record SourceView(String tenant, String name, String type, String system, boolean enabled,
                  Map<String, String> options) {
    static SourceView of(SourceDefinition source) {
        return new SourceView(source.tenant().value(), source.name(), source.type(), source.system(),
                source.enabled(), Secrets.redact(source.options()));
    }
}
