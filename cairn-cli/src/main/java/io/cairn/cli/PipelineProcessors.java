package io.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.landing.LoadOutcome;
import io.cairn.core.model.Command;
import io.cairn.core.orchestrate.Fleet;
import io.cairn.core.orchestrate.Isolation;
import io.cairn.core.orchestrate.Processor;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.SourceFence;
import io.cairn.core.orchestrate.TaskContext;
import io.cairn.core.orchestrate.TaskOutcome;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real processors of {@code cairn pipeline run}: sync through {@link SyncRun}, build and test through
 * {@link ModelRun}, sql on the warehouse; notify prints the message (channels are not built yet).
 */
final class PipelineProcessors {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineProcessors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectContext context;
    private final PrintWriter out;
    private final PrintWriter err;

    PipelineProcessors(ProjectContext context, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    Map<ProcessorType, Processor> all() {
        Map<ProcessorType, Processor> processors = new EnumMap<>(ProcessorType.class);
        processors.put(ProcessorType.SYNC, this::sync);
        processors.put(ProcessorType.BUILD, task -> models(task, Command.BUILD));
        processors.put(ProcessorType.TEST, task -> models(task, Command.TEST));
        processors.put(ProcessorType.SQL, this::sql);
        processors.put(ProcessorType.NOTIFY, this::notify);
        return processors;
    }

    /** Every tenant of the control plane and the enabled sources this build can sync. */
    Fleet fleet() {
        return new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return context.controlPlane().tenants().list().stream().map(Tenant::id).toList();
            }

            @Override
            public List<String> sources(TenantId tenant) {
                return SyncCommand.select(context.controlPlane(), List.of(tenant.value()), List.of(), err).stream()
                        .map(SourceDefinition::name).toList();
            }

            @Override
            public Map<String, String> profile(TenantId tenant) {
                return context.controlPlane().tenants().find(tenant).map(found -> Map.of("name", found.name(),
                        "timezone", found.timezone().getId(), "currency", found.currency())).orElse(Map.of());
            }
        };
    }

    private TaskOutcome sync(TaskContext task) {
        SourceDefinition source = context.controlPlane().sources().find(task.tenant(), task.source())
                .orElseThrow(() -> new CairnException(ErrorCode.NOT_FOUND, "Cannot sync tenant %s source %s: no "
                        + "such source", task.tenant(), task.source()));
        SyncRun run = SyncRun.inPipeline(context, source);
        List<String> problems = new ArrayList<>(run.failures());
        run.report().loads().stream().filter(LoadOutcome::failed)
                .forEach(load -> problems.add("stream " + load.stream() + ": " + load.error()));
        if (!problems.isEmpty()) {
            throw new CairnException(ErrorCode.IO, "Cannot sync tenant %s source %s: %s", task.tenant(),
                    task.source(), String.join("; ", problems));
        }
        long read = 0;
        long landed = 0;
        for (LoadOutcome load : run.report().loads()) {
            read += load.result() == null ? 0 : load.result().recordsRead();
            landed += load.result() == null ? 0 : load.result().rowsLanded();
        }
        return TaskOutcome.rows(read, landed);
    }

    /**
     * Builds or tests the models. Sources whose sync failed earlier in the run are fenced: the build sees their
     * tenants' rows as of the last good sync, and the models downstream of them are reported skipped for the tenant.
     */
    private TaskOutcome models(TaskContext task, Command command) throws JsonProcessingException {
        List<String> args = new ArrayList<>();
        if (!task.param("select").isBlank()) {
            args.add("--select");
            args.addAll(List.of(task.param("select").trim().split("\\s+")));
        }
        if (!task.fences().isEmpty()) {
            args.add("--vars");
            args.add(JSON.writeValueAsString(Map.of(Isolation.VAR, Isolation.var(task.fences(), this::systemOf))));
        }
        ModelOptions options = CommandLine.populateCommand(new ModelOptions(), args.toArray(String[]::new));
        StringWriter log = new StringWriter();
        ModelRun run = new ModelRun(context, options, new PrintWriter(log, true));
        int exit = run.executeEveryLayout(command);
        if (exit != Main.OK) {
            String failure = log.toString().lines().filter(line -> line.matches("^(ERROR|FAIL) in .*"))
                    .findFirst().orElse("exit code " + exit);
            throw new CairnException(ErrorCode.WAREHOUSE, "Cannot %s the models: %s", command.key(), failure);
        }
        return command != Command.BUILD ? TaskOutcome.NONE : new TaskOutcome(null, null,
                Isolation.skippedModels(run.engine().dag(), task.fences(), this::systemOf));
    }

    private String systemOf(SourceFence fence) {
        return context.controlPlane().sources().find(fence.tenant(), fence.source()).map(SourceDefinition::system)
                .orElseThrow(() -> new CairnException(ErrorCode.NOT_FOUND, "Cannot isolate tenant %s source %s: no "
                        + "such source", fence.tenant(), fence.source()));
    }

    private TaskOutcome sql(TaskContext task) throws SQLException {
        try (Connection connection = context.warehouse().connect();
             Statement statement = connection.createStatement()) {
            // An interrupt does not reach a running statement: on timeout, cancel it in the warehouse.
            task.cancellation().onCancel(() -> cancel(statement));
            boolean query = statement.execute(task.param("sql"));
            long rows = query ? 0 : Math.max(statement.getUpdateCount(), 0);
            return new TaskOutcome(null, rows);
        }
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot cancel a timed-out statement: %s",
                    e.getMessage());
        }
    }

    private TaskOutcome notify(TaskContext task) {
        String message = task.param("message").isBlank()
                ? "pipeline " + task.pipeline() + " run " + task.runId() + ": " + task.vars().get("failed_tasks")
                + " tasks failed" : task.param("message");
        LOG.info("Notify: {}", message);
        synchronized (out) {
            out.println("NOTIFY " + message);
            out.flush();
        }
        return TaskOutcome.NONE;
    }
}
