package io.cairn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.landing.LandingService;
import io.cairn.core.sync.SourceFactories;
import io.cairn.spi.CairnException;
import io.cairn.spi.TenantId;
import io.cairn.spi.raw.StreamContract;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.ConfigProblem;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceConfig;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceFactory;
import io.cairn.spi.source.StreamDescriptor;

/** {@code cairn sources check|discover}: tests connector sources' configuration and lists their streams. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "Check and discover connector sources.",
        subcommands = {SourcesCommand.Check.class, SourcesCommand.Discover.class})
final class SourcesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both subcommands share. */
    static final class Selection {
        @Mixin
        ProjectOptions project;
        @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", description = "Only this tenant (repeatable).")
        List<String> tenants = new ArrayList<>();
        @Option(names = {"-s", "--source"}, paramLabel = "SOURCE", description = "Only this source (repeatable).")
        List<String> sources = new ArrayList<>();
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate each source's configuration, credentials and reachability; exit 1 on any problem.")
    static final class Check implements Callable<Integer> {
        @Mixin
        Selection selection;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = selection.project.open()) {
                TextTable table = new TextTable("tenant", "source", "type", "field", "problem");
                int problems = 0;
                for (SourceDefinition source : SyncCommand.select(context.controlPlane(), selection.tenants,
                        selection.sources, spec.commandLine().getErr())) {
                    List<ConfigProblem> found = check(context, source);
                    problems += found.size();
                    if (found.isEmpty()) {
                        table.row(source.tenant(), source.name(), source.type(), "", "ok");
                    }
                    found.forEach(problem -> table.row(source.tenant(), source.name(), source.type(),
                            problem.field() == null ? "(connection)" : problem.field(), problem.message()));
                }
                if (table.isEmpty()) {
                    out.println("No sources to check.");
                    return Main.OK;
                }
                table.print(out);
                out.printf("%n%s%n", problems == 0 ? "Every source is ready to sync."
                        : problems + " problem(s): fix tenants.yml and run cairn sources check again.");
                return problems == 0 ? Main.OK : Main.DATA_FAILURE;
            }
        }

        private static List<ConfigProblem> check(ProjectContext context, SourceDefinition source) {
            if (LandingService.FILE_SOURCE_TYPE.equals(source.type())) {
                return List.of();
            }
            try {
                SourceFactory factory = SourceFactories.find(source.type());
                var credentials = context.controlPlane().credentials();
                List<ConfigProblem> problems = new ArrayList<>(factory.check(
                        SourceFactories.config(source, factory, credentials), new SourceContext(credentials)));
                credentials.needsReauthorisation(source.tenant(), source.name()).ifPresent(reason -> problems.add(
                        new ConfigProblem(null, "marked as needing re-authorisation (" + reason + ")")));
                return problems;
            }
            catch (CairnException e) {
                return List.of(new ConfigProblem(null, e.getMessage()));
            }
        }
    }

    @Command(name = "discover", mixinStandardHelpOptions = true,
            description = "List the streams of each connector source (or of a connector type) with their contracts.")
    static final class Discover implements Callable<Integer> {
        @Mixin
        Selection selection;
        @Option(names = "--type", paramLabel = "TYPE",
                description = "List a connector type's streams without a configured source (e.g. shopify).")
        String type;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TextTable table = new TextTable("tenant", "source", "stream", "incremental", "id", "cursor", "deletes",
                    "synced", "description");
            if (type != null) {
                SourceFactory factory = SourceFactories.find(type);
                try (Source source = factory.open(placeholderConfig(factory), SourceContext.inMemory())) {
                    source.streams().forEach(stream -> row(table, "-", type, stream, Set.of()));
                }
            }
            else {
                try (ProjectContext context = selection.project.open()) {
                    for (SourceDefinition definition : SyncCommand.select(context.controlPlane(), selection.tenants,
                            selection.sources, spec.commandLine().getErr())) {
                        discover(context, definition, table);
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (table.isEmpty()) {
                out.println("No connector sources to discover (file sources have the streams of their inbox folders).");
            }
            else {
                table.print(out);
            }
            return Main.OK;
        }

        private static void discover(ProjectContext context, SourceDefinition definition, TextTable table) {
            if (LandingService.FILE_SOURCE_TYPE.equals(definition.type())) {
                return;
            }
            SourceFactory factory = SourceFactories.find(definition.type());
            var credentials = context.controlPlane().credentials();
            try (Source source = factory.open(SourceFactories.config(definition, factory, credentials),
                    new SourceContext(credentials))) {
                Set<String> synced = Set.copyOf(SourceFactories.streams(definition, source));
                source.streams().forEach(stream -> row(table, definition.tenant().value(), definition.name(), stream,
                        synced));
            }
        }

        private static void row(TextTable table, String tenant, String source, StreamDescriptor stream,
                Set<String> synced) {
            StreamContract contract = stream.contract();
            table.row(tenant, source, stream.name(), stream.incremental() ? "yes" : "full",
                    String.join("+", contract.idFields()), contract.updatedAtField() == null ? "-"
                            : contract.updatedAtField(),
                    contract.deletedField() + "=" + String.join("|", contract.deletedValues()),
                    synced.isEmpty() || synced.contains(stream.name()) ? "yes" : "no", stream.description());
        }

        /** A configuration that only satisfies the spec, to open a connector for its stream list. */
        private static SourceConfig placeholderConfig(SourceFactory factory) {
            Map<String, String> options = new HashMap<>();
            for (ConfigField field : factory.configSpec()) {
                if (field.required() && field.defaultValue() == null) {
                    options.put(field.name(), "url".equals(field.type()) ? "https://example.invalid" : "placeholder");
                }
            }
            return new SourceConfig(TenantId.of("discover"), factory.type(), options, Set.of());
        }
    }
}
