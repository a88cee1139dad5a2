package io.cairn.server;

import io.cairn.spi.raw.StreamContract;
import io.cairn.spi.source.Checkpoint;
import io.cairn.spi.source.ConfigChecks;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.ConfigProblem;
import io.cairn.spi.source.RecordSink;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceConfig;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceFactory;
import io.cairn.spi.source.StreamDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * A connector registered for the server tests through {@code META-INF/services}: two streams, and a check that
 * validates the spec and accepts only the token {@value #GOOD_TOKEN}.
 */
public final class TestConnectorFactory implements SourceFactory {
    static final String TYPE = "testapi";
    static final String GOOD_TOKEN = "good-token-123";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigField> configSpec() {
        return List.of(new ConfigField("base_url", "url", true, null, false, "The API's base URL"),
                new ConfigField("api_token", "string", true, null, true, "The API token"),
                new ConfigField("page_size", "integer", false, "100", false, "Records per page"));
    }

    @Override
    public List<ConfigProblem> check(SourceConfig config, SourceContext context) {
        List<ConfigProblem> problems = new ArrayList<>(ConfigChecks.check(configSpec(), config));
        if (problems.isEmpty() && !GOOD_TOKEN.equals(config.option("api_token").orElse(null))) {
            problems.add(new ConfigProblem("api_token", "was refused by the source (401)"));
        }
        return problems;
    }

    @Override
    public Source open(SourceConfig config, SourceContext context) {
        return new Source() {
            @Override
            public List<StreamDescriptor> streams() {
                return List.of(
                        new StreamDescriptor("orders", StreamContract.of(List.of("id"), "updated_at"), true,
                                "Orders, incremental"),
                        new StreamDescriptor("customers", StreamContract.of(List.of("id"), "updated_at"), false,
                                "Customers, full refresh"));
            }

            @Override
            public void read(String stream, Checkpoint from, RecordSink sink) {
                throw new UnsupportedOperationException("the server tests never sync");
            }
        };
    }
}
