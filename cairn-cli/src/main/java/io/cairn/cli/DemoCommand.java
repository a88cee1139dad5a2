package io.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.Generator;
import io.cairn.datagen.GeneratorOptions;
import io.cairn.datagen.TenantProfile;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * {@code cairn demo}: creates a project with an embedded DuckDB warehouse, generates synthetic tenants, serves their
 * Shopify and QuickBooks data through in-process mock APIs, onboards them from a {@code tenants.yml} (API sources
 * for those two, file drops for the rest), syncs everything and prints what landed against the generator's ground
 * truth. Running it again regenerates the same files; the connectors resume from their cursors and no count
 * changes.
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
    @Option(names = "--warehouse", defaultValue = "duckdb", paramLabel = "TYPE",
            description = "Warehouse of a new demo project: duckdb (embedded, default) or spark (Iceberg tables in "
                    + "Spark local[2]).")
    String warehouse;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Path project = dir.toAbsolutePath().normalize();
        Files.createDirectories(project);
        writeIfAbsent(project.resolve("cairn.yml"), cairnYml(warehouse));
        Path data = project.resolve("data");
        out.printf("Cairn demo in %s%n", project);
        GenerationSummary generated = new Generator(
                new GeneratorOptions(tenants, days, seed, LocalDate.of(2024, 1, 1)))
                .generate(data.resolve("inbox"), data.resolve("truth"));
        out.printf("1. Generated %d tenants, %,d records in %,d files (%s)%n", generated.tenants().size(),
                generated.recordsWritten(), generated.filesWritten(), describe(generated.tenants()));
        List<String> ids = generated.tenants().stream().map(TenantProfile::id).toList();
        try (MockTenants mocks = MockTenants.serve(data.resolve("inbox"), ids, 1000, 0)) {
            Files.writeString(project.resolve(ProjectContext.TENANTS_FILE), tenantsYaml(generated.tenants(), mocks));
            out.printf("2. Serving their shopify and quickbooks data through mock APIs on 127.0.0.1 (%d tenants)%n",
                    mocks.apis().size());
            return syncAndReport(out, project, data, ids, started);
        }
    }

    private int syncAndReport(PrintWriter out, Path project, Path data, List<String> ids, long started) {
        try (ProjectContext context = ProjectContext.open(project)) {
            out.printf("3. Onboarded them from tenants.yml into the control plane (%d tenants, secrets encrypted)%n",
                    context.controlPlane().tenants().list().size());
            SyncRun run = SyncRun.run(context, SyncCommand.select(context.controlPlane(), List.of(), List.of(),
                    spec.commandLine().getErr()), threads);
            out.printf("4. Landed %d loads (file drops, and the API connectors' pages) into the %s warehouse %s%n%n",
                    run.report().loads().size(), context.config().warehouse().type(),
                    context.config().warehouse().option("path").map(project::resolve).map(Path::toString).orElse(""));
            Set<String> apiStreams = new HashSet<>();
            for (String id : ids) {
                for (String stream : MockTenants.SHOPIFY_STREAMS.split(",")) {
                    apiStreams.add(id + "/shopify/" + stream);
                }
                for (String stream : MockTenants.QUICKBOOKS_STREAMS.split(",")) {
                    apiStreams.add(id + "/quickbooks/" + stream);
                }
            }
            SyncSummary.print(out, run, context, data.resolve("truth"), apiStreams);
            run.printFailures(out);
            out.printf("%nshopify/* and quickbooks/* were read through the APIs: one row per record (its current "
                    + "version), so 'expected' is the generator's distinct ids there; file drops land every version.%n%n");
            int built = new DemoMarts(context, out).buildAndShow(data.resolve("truth"), threads);
            out.printf("%nDone in %.1fs. Run it again: nothing new lands and no count changes.%n",
                    (System.nanoTime() - started) / 1e9);
            return run.hasFailures() || built != Main.OK ? Main.DATA_FAILURE : Main.OK;
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

    static String tenantsYaml(List<TenantProfile> profiles, MockTenants mocks) {
        StringBuilder yaml = new StringBuilder("# Written by cairn demo: the generated tenants. shopify and quickbooks "
                + "read the demo's mock APIs;\n# the other sources are file drops in <root>/inbox/<tenant>/<source>/"
                + "<stream>/.\ntenants:\n");
        for (TenantProfile profile : profiles) {
            yaml.append("  - id: ").append(profile.id()).append('\n')
                    .append("    name: \"").append(profile.name().replace("\"", "'")).append("\"\n")
                    .append("    tenancy: shared\n")
                    .append("    timezone: ").append(profile.timezone()).append('\n')
                    .append("    currency: ").append(profile.currency()).append('\n')
                    .append("    sources:\n");
            for (String source : profile.sources()) {
                List<String> api = mocks.sourceYaml(profile.id(), source, "      ");
                if (!api.isEmpty()) {
                    api.forEach(line -> yaml.append(line).append('\n'));
                    continue;
                }
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

    /** The demo project's {@code cairn.yml} for a warehouse type; an existing project keeps its own. */
    static String cairnYml(String warehouse) {
        return switch (warehouse) {
            case "duckdb" -> DEFAULT_CAIRN_YML;
            case "spark" -> DEFAULT_CAIRN_YML.replace("""
                      type: duckdb                # duckdb | postgres | spark
                      path: warehouse.duckdb      # relative to this file
                    """, """
                      type: spark                 # duckdb | postgres | spark
                      master: local[2]            # Spark in this process, two cores
                      path: spark-warehouse       # Iceberg tables and their catalog, relative to this file
                    """);
            default -> throw new CairnException(ErrorCode.BAD_INPUT, "Cannot make a demo on warehouse '%s': "
                    + "expected duckdb or spark", warehouse);
        };
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
