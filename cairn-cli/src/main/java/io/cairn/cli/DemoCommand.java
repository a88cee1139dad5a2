package io.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.landing.SyncReport;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.Generator;
import io.cairn.datagen.GeneratorOptions;
import io.cairn.datagen.TenantProfile;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * {@code cairn demo}: creates a project with an embedded DuckDB warehouse, generates synthetic tenants, onboards
 * them from a {@code tenants.yml}, lands everything and prints what landed against the generator's ground truth.
 * Running it again regenerates the same files; they land as duplicates and no count changes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a demo project, generate tenants, land their data, print a summary.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "cairn-demo", paramLabel = "DIR",
            description = "Project folder to create or reuse (default: ./cairn-demo).")
    Path dir;
    @Option(names = "--tenants", defaultValue = "3", description = "Number of tenants (default: 3).")
    int tenants;
    @Option(names = "--days", defaultValue = "30", description = "Days of history (default: 30).")
    int days;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
    long seed;
    @Option(names = "--threads", defaultValue = "2", description = "Streams landed in parallel (default: 2).")
    int threads;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Path project = dir.toAbsolutePath().normalize();
        Files.createDirectories(project);
        writeIfAbsent(project.resolve("cairn.yml"), DEFAULT_CAIRN_YML);
        Path data = project.resolve("data");
        out.printf("Cairn demo in %s%n", project);
        GenerationSummary generated = new Generator(
                new GeneratorOptions(tenants, days, seed, LocalDate.of(2024, 1, 1)))
                .generate(data.resolve("inbox"), data.resolve("truth"));
        out.printf("1. Generated %d tenants, %,d records in %,d files (%s)%n", generated.tenants().size(),
                generated.recordsWritten(), generated.filesWritten(), describe(generated.tenants()));
        Files.writeString(project.resolve(ProjectContext.TENANTS_FILE), tenantsYaml(generated.tenants()));
        try (ProjectContext context = ProjectContext.open(project)) {
            out.printf("2. Onboarded them from tenants.yml into the control plane (%d tenants)%n",
                    context.controlPlane().tenants().list().size());
            SyncReport report = SyncCommand.landingService(context, threads)
                    .sync(SyncCommand.select(context.controlPlane(), List.of(), List.of(), spec.commandLine().getErr()));
            out.printf("3. Landed %d loads into the %s warehouse %s%n%n", report.loads().size(),
                    context.config().warehouse().type(), context.config().warehouse().option("path")
                            .map(project::resolve).map(Path::toString).orElse(""));
            SyncSummary.print(out, report, context, data.resolve("truth"));
            out.println();
            int built = new DemoMarts(context, out).buildAndShow(data.resolve("truth"), threads);
            out.printf("%nDone in %.1fs. Run it again: the same files land as duplicates and no count changes.%n",
                    (System.nanoTime() - started) / 1e9);
            return report.hasFailures() || built != Main.OK ? Main.DATA_FAILURE : Main.OK;
        }
    }

    private static String describe(List<TenantProfile> profiles) {
        StringBuilder text = new StringBuilder();
        for (TenantProfile profile : profiles) {
            text.append(text.length() == 0 ? "" : "; ").append(profile.id()).append(' ')
                    .append(profile.currency()).append(' ').append(profile.timezone());
        }
        return text.toString();
    }

    static String tenantsYaml(List<TenantProfile> profiles) {
        StringBuilder yaml = new StringBuilder("# Written by cairn demo: the generated tenants, each with file-drop sources\n"
                + "# reading <root>/inbox/<tenant>/<source>/<stream>/.\ntenants:\n");
        for (TenantProfile profile : profiles) {
            yaml.append("  - id: ").append(profile.id()).append('\n')
                    .append("    name: \"").append(profile.name().replace("\"", "'")).append("\"\n")
                    .append("    tenancy: shared\n")
                    .append("    timezone: ").append(profile.timezone()).append('\n')
                    .append("    currency: ").append(profile.currency()).append('\n')
                    .append("    sources:\n");
            for (String source : profile.sources()) {
                yaml.append("      ").append(source).append(":\n        type: files\n        system: ")
                        .append(source).append('\n');
            }
        }
        return yaml.toString();
    }

    private static void writeIfAbsent(Path file, String content) {
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, content);
            }
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot write %s: %s", file, e.getMessage());
        }
    }

    static final String DEFAULT_CAIRN_YML = """
            # Cairn project configuration (written by cairn demo). Every key is optional.
            warehouse:
              type: duckdb                # duckdb | postgres | spark
              path: warehouse.duckdb      # relative to this file
            control_plane:
              url: jdbc:h2:file:./.cairn/control
            root: data                    # inbox/ and raw/ (the raw zone) live under it
            """;
}
