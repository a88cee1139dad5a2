package io.cairn.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.credentials.MasterKey;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.orchestrate.Fleet;
import io.cairn.core.orchestrate.PipelineExecutor;
import io.cairn.core.orchestrate.PipelineLoader;
import io.cairn.core.orchestrate.PipelineResult;
import io.cairn.core.orchestrate.ProcessorType;
import io.cairn.core.orchestrate.TaskListener;
import io.cairn.core.orchestrate.TaskOutcome;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped logback.xml: text or JSON lines on stderr, each line of a task carrying its MDC keys. */
class LogFormatTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.cairn.cli.LogFormatTest");
    private final PrintStream stderr = System.err;

    @TempDir
    Path dir;

    @AfterEach
    void restore() throws Exception {
        System.setErr(stderr);
        System.clearProperty(LogFormat.PROPERTY);
        System.clearProperty("CAIRN_LOG_LEVEL");
        configure("/logback-test.xml");
    }

    @Test
    void jsonLineOfATaskCarriesTenantRunAndSource() throws Exception {
        String out = logATask("json");

        assertThat(out).contains("landed 3 rows");
        String line = out.lines().filter(l -> l.contains("landed 3 rows")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("formattedMessage").asText()).isEqualTo("landed 3 rows");
        assertThat(json.path("mdc").path("tenant").asText()).isEqualTo("acme");
        assertThat(json.path("mdc").path("source").asText()).isEqualTo("shop");
        assertThat(json.path("mdc").path("run").asText()).isEqualTo(runId);
    }

    @Test
    void textLineNamesTenantAndSource() throws Exception {
        String out = logATask("text");

        assertThat(out.lines().filter(l -> l.contains("landed 3 rows")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("INFO  [acme/shop/] LogFormatTest - landed 3 rows"));
    }

    /**
     * At start-up logback prints its whole status on standard output when the configuration recorded a warning and
     * no status listener is registered; the shipped config references one of its two appenders (a warning), so it
     * must register one, or every command's output (and --json) starts with logback's status lines.
     */
    @Test
    void theShippedConfigNeverPrintsLogbacksStatusOnStandardOutput() throws Exception {
        configure("/logback.xml");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(new StatusUtil(context).getHighestLevel(0)).as("the unreferenced appender is a warning")
                .isEqualTo(Status.WARN);
        assertThat(StatusUtil.contextHasStatusListener(context)).as("a status listener stops the printing").isTrue();
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThatThrownBy(() -> LogFormat.extract("--log-format", "xml", "runs", "list"))
                .hasMessage("Cannot use --log-format xml: expected text or json");
        System.setProperty(LogFormat.PROPERTY, "text");
        assertThat(LogFormat.extract("runs", "--log-format=text", "list")).containsExactly("runs", "list");
    }

    private String runId;

    /** Runs a one-task pipeline whose processor logs, with the shipped config in {@code format}; returns stderr. */
    private String logATask(String format) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty(LogFormat.PROPERTY, format);
        System.setProperty("CAIRN_LOG_LEVEL", "INFO");
        configure("/logback.xml");
        byte[] key = new byte[32];
        try (ControlPlane controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:"
                + dir.resolve("control")), MasterKeys.of(MasterKey.of(key)))) {
            PipelineExecutor executor = new PipelineExecutor(Map.of(ProcessorType.SYNC, task -> {
                LOG.info("landed {} rows", 3);
                return TaskOutcome.rows(3, 3);
            }), fleet(), controlPlane.pipelineRuns());
            PipelineResult result = executor.run(PipelineLoader.parse("p", dir.resolve("p.yml"),
                    "steps:\n  - name: sync\n    processor: sync\n", Set.of()), null, Map.of(), TaskListener.NONE);
            runId = result.run().runId();
        }
        System.err.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static Fleet fleet() {
        return new Fleet() {
            @Override
            public List<TenantId> tenants() {
                return List.of(TenantId.of("acme"));
            }

            @Override
            public List<String> sources(TenantId tenant) {
                return List.of("shop");
            }
        };
    }

    private static void configure(String resource) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL config = LogFormatTest.class.getResource(resource);
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
    }
}
