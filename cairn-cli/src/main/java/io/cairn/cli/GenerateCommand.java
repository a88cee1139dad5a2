package io.cairn.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.Generator;
import io.cairn.datagen.GeneratorOptions;

/** {@code cairn generate}: writes synthetic tenants' source files and their ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic tenant data (inbox layout) and a ground-truth summary per tenant.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--tenants", defaultValue = "3", description = "Number of tenants (default: 3).")
    int tenants;
    @Option(names = "--days", defaultValue = "30", description = "Days of history (default: 30).")
    int days;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same files (default: 42).")
    long seed;
    @Option(names = "--start", defaultValue = "2024-01-01", description = "First day (default: 2024-01-01).")
    LocalDate start;
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where to write <tenant>/<source>/<stream>/ files (e.g. data/inbox).")
    Path out;
    @Option(names = "--truth", paramLabel = "DIR", description = "Where to write <tenant>.json truth (default: OUT/../truth).")
    Path truth;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path truthDir = truth != null ? truth : out.toAbsolutePath().normalize().resolveSibling("truth");
        long started = System.nanoTime();
        GenerationSummary summary = new Generator(new GeneratorOptions(tenants, days, seed, start))
                .generate(out, truthDir);
        spec.commandLine().getOut().printf("Generated %d tenants: %,d records in %,d files (%,d bytes) in %.1fs%n"
                        + "  data:  %s%n  truth: %s%n",
                summary.tenants().size(), summary.recordsWritten(), summary.filesWritten(), summary.bytesWritten(),
                (System.nanoTime() - started) / 1e9, out.toAbsolutePath().normalize(), truthDir);
        return Main.OK;
    }
}
