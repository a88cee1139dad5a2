package io.cairn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.cairn.core.model.NodeResult;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.graph.Node;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * The model-engine commands, named and shaped like dbt's: {@code build}, {@code run}, {@code test}, {@code seed},
 * {@code freshness}, {@code compile} and {@code ls}. They run the dbt-format project of the Cairn project
 * ({@code project:} in cairn.yml, or {@code --models DIR}) on its warehouse.
 */
final class ModelCommands {
    private ModelCommands() {}

    /** The shared body of the executing commands. */
    abstract static class Executing implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Mixin
        ModelOptions model;
        @Spec
        CommandSpec spec;

        abstract io.cairn.core.model.Command command();

        @Override
        public Integer call() {
            try (ProjectContext context = project.open()) {
                return ModelRun.executeEveryLayout(context, model, spec.commandLine().getOut(), command());
            }
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Seed, run and test the selected nodes in DAG order; a failing test skips what is built on it.")
    static final class Build extends Executing {
        @Override
        io.cairn.core.model.Command command() {
            return io.cairn.core.model.Command.BUILD;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Build the selected models.")
    static final class Run extends Executing {
        @Override
        io.cairn.core.model.Command command() {
            return io.cairn.core.model.Command.RUN;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Run the selected data tests.")
    static final class Test extends Executing {
        @Override
        io.cairn.core.model.Command command() {
            return io.cairn.core.model.Command.TEST;
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true, description = "Load the selected seed CSVs.")
    static final class Seed extends Executing {
        @Override
        io.cairn.core.model.Command command() {
            return io.cairn.core.model.Command.SEED;
        }
    }

    @Command(name = "freshness", mixinStandardHelpOptions = true,
            description = "Check the freshness of the selected sources (warn_after, error_after).")
    static final class Freshness extends Executing {
        @Override
        io.cairn.core.model.Command command() {
            return io.cairn.core.model.Command.FRESHNESS;
        }
    }

    @Command(name = "compile", mixinStandardHelpOptions = true, description = "Compile the selected models and "
            + "tests into target/manifest.json; print the SQL when one model is selected.")
    static final class Compile implements Callable<Integer> {
        @Mixin
        ProjectOptions project;
        @Mixin
        ModelOptions model;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = project.open()) {
                ModelRun run = new ModelRun(context, model, out);
                RunResult result = run.engine().compile(model.selection(), run.runOptions());
                List<NodeResult> results = result.results();
                List<NodeResult> models = results.stream().filter(r -> r.resourceType().equals("model")).toList();
                if (models.size() == 1 && models.get(0).status() == NodeStatus.SUCCESS && !model.select.isEmpty()) {
                    out.println("Compiled node '" + models.get(0).name() + "' is:");
                    out.println(models.get(0).compiledCode());
                }
                else {
                    for (NodeResult r : results) {
                        out.println(r.status() == NodeStatus.SUCCESS ? "compiled " + r.uniqueId()
                                : "ERROR compiling " + r.uniqueId() + ": " + r.message());
                    }
                    out.printf("Compiled %d nodes into %s.%n", results.size(),
                            run.engine().targetDir(run.runOptions()).resolve("manifest.json"));
                }
                out.flush();
                return result.exitCode();
            }
        }
    }

    @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
            description = "List the selected nodes, one per line.")
    static final class Ls implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Mixin
        ProjectOptions project;
        @Mixin
        ModelOptions model;
        @Option(names = {"-o", "--output"}, defaultValue = "id", paramLabel = "FORMAT",
                description = "id (unique ids, the default), name, path or json (one object per line).")
        String output;
        @Option(names = "--resource-type", paramLabel = "TYPE",
                description = "Only nodes of this type: model, seed, test, source (repeatable).")
        List<String> resourceTypes = new ArrayList<>();
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!List.of("id", "name", "path", "json").contains(output)) {
                throw new CairnException(ErrorCode.BAD_INPUT, "Cannot list nodes as '%s': use id, name, path or json",
                        output);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (ProjectContext context = project.open()) {
                ModelRun run = new ModelRun(context, model, out);
                for (Node node : run.engine().ls(model.selection(), run.runOptions())) {
                    if (resourceTypes.isEmpty() || resourceTypes.contains(node.type().key())) {
                        out.println(format(node, run.engine().project().name()));
                    }
                }
            }
            out.flush();
            return Main.OK;
        }

        private String format(Node node, String projectName) {
            return switch (output) {
                case "name" -> node.name();
                case "path" -> node.path();
                case "json" -> json(node, projectName);
                default -> node.uniqueId();
            };
        }

        private static String json(Node node, String projectName) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("name", node.name());
            value.put("resource_type", node.type().key());
            value.put("package_name", projectName);
            value.put("original_file_path", node.path());
            value.put("unique_id", node.uniqueId());
            value.put("alias", node.identifier());
            value.put("schema", node.schema());
            value.put("config", Map.of("materialized", node.materialized().toLowerCase(Locale.ROOT),
                    "tags", node.config().tags()));
            value.put("depends_on", Map.of("nodes", node.dependsOn()));
            try {
                return JSON.writeValueAsString(value);
            }
            catch (JsonProcessingException e) {
                throw new CairnException(ErrorCode.INTERNAL, e, "Cannot write node %s as JSON: %s", node.uniqueId(),
                        e.getMessage());
            }
        }
    }
}
