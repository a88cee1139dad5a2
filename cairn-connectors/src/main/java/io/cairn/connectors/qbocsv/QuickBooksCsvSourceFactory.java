package io.cairn.connectors.qbocsv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cairn.spi.source.ConfigChecks;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.ConfigProblem;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceConfig;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.SourceFactory;

/**
 * The {@code quickbooks_csv} connector: CSV exports from QuickBooks Online (customers, products and services, sales
 * receipts, invoices) in a folder, landed as {@code source_system = quickbooks} into the same raw streams as the API
 * connector, with API-shaped payloads.
 */
public final class QuickBooksCsvSourceFactory implements SourceFactory {
    public static final String TYPE = "quickbooks_csv";
    static final List<ConfigField> SPEC = List.of(
            new ConfigField("path", "string", true, null, false,
                    "Folder holding the exported .csv files (any names; the header decides the stream)"));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String system() {
        return "quickbooks";
    }

    @Override
    public List<ConfigField> configSpec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> check(SourceConfig config, SourceContext context) {
        List<ConfigProblem> problems = new ArrayList<>(ConfigChecks.check(SPEC, config));
        if (problems.isEmpty() && !Files.isDirectory(Path.of(config.option("path").orElseThrow()))) {
            problems.add(new ConfigProblem("path", "is not a folder: " + config.option("path").orElseThrow()));
        }
        return problems;
    }

    @Override
    public Source open(SourceConfig config, SourceContext context) {
        List<ConfigProblem> problems = check(config, context);
        if (!problems.isEmpty()) {
            throw SourceException.permanent("Cannot open QuickBooks CSV source %s of tenant %s: %s",
                    config.sourceName(), config.tenant(), problems);
        }
        return new QuickBooksCsvSource(Path.of(config.option("path").orElseThrow()));
    }
}
