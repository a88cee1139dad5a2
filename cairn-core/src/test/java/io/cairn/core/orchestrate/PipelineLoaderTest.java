package io.cairn.core.orchestrate;

import io.cairn.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PipelineLoaderTest {
    private static final Path FILE = Path.of("pipelines/nightly.yml");

    private static Pipeline parse(String text) {
        return PipelineLoader.parse("nightly", FILE, text, Set.of("region"));
    }

    private static ConfigException failure(String text) {
        return catchThrowableOfType(() -> parse(text), ConfigException.class);
    }

    @Test
    void stepsAreReadWithRetriesTimeoutsVarsAndDependencyOrder() {
        Pipeline pipeline = parse("""
                vars:
                  owner: data-team
                parallelism: 8
                steps:
                  - name: build
                    processor: build
                    depends_on: [sync]
                  - name: sync
                    processor: sync
                    retries: 3
                    timeout: 90s
                  - name: mark
                    processor: sql
                    scope: tenant
                    depends_on: [build]
                    vars:
                      label: "{tenant_id}-{date}"
                    sql: "INSERT INTO ops.marks VALUES ('{label}', '{run_id}', '{owner}', '{region}')"
                on_failure:
                  - name: tell
                    processor: notify
                    message: "{pipeline} run {run_id}: {failed_tasks} tasks failed"
                """);

        assertThat(pipeline.parallelism()).isEqualTo(8);
        assertThat(pipeline.vars()).isEqualTo(Map.of("owner", "data-team"));
        assertThat(pipeline.steps()).as("sync moves before build, which depends on it")
                .extracting(StepSpec::name).containsExactly("sync", "build", "mark");
        StepSpec sync = pipeline.steps().get(0);
        assertThat(sync.retries()).isEqualTo(3);
        assertThat(sync.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(sync.scope()).isEqualTo(StepScope.SOURCE);
        assertThat(pipeline.steps().get(2).scope()).isEqualTo(StepScope.TENANT);
        assertThat(pipeline.onFailure()).extracting(StepSpec::processor).containsExactly(ProcessorType.NOTIFY);
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        ConfigException e = failure("steps:\n  - name: sync\n    processor: [sync\n");

        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("Cannot read pipelines/nightly.yml: line 4").contains("malformed YAML");
    }

    @Test
    void unknownProcessorNamesLineAndKey() {
        ConfigException e = failure("steps:\n  - name: sync\n    processor: sync\n"
                + "  - name: x\n    processor: teleport\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("steps[1].processor");
        assertThat(e.getMessage()).contains("unknown processor 'teleport' (known: sync, build, test, sql, notify");
    }

    @Test
    void declaredButUnavailableProcessorSaysNotAvailableYet() {
        ConfigException e = failure("steps:\n  - name: fresh\n    processor: freshness\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("steps[0].processor");
        assertThat(e.getMessage()).endsWith("processor 'freshness' is not available yet in this build");
    }

    @Test
    void unknownVariableNamesLineAndKey() {
        ConfigException e = failure("""
                steps:
                  - name: mark
                    processor: sql
                    sql: "SELECT '{dte}'"
                """);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("steps[0].sql");
        assertThat(e.getMessage()).contains("unknown variable '{dte}'").contains("date");
    }

    @Test
    void tenantVariableInAGlobalStepIsRejected() {
        ConfigException e = failure("steps:\n  - name: mark\n    processor: sql\n    sql: \"SELECT '{tenant_id}'\"\n");

        assertThat(e.key()).isEqualTo("steps[0].sql");
        assertThat(e.getMessage()).contains("only known in steps that run per tenant (step 'mark' runs global)");
    }

    @Test
    void cycleIsRejectedNamingTheSteps() {
        ConfigException e = failure("""
                steps:
                  - name: a
                    processor: build
                    depends_on: [b]
                  - name: b
                    processor: test
                    depends_on: [a]
                """);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("steps[0].depends_on");
        assertThat(e.getMessage()).endsWith("depends_on forms a cycle: a -> b -> a");
    }

    @Test
    void unknownKeyAndBadTimeoutNameTheirLines() {
        assertThat(failure("steps:\n  - name: a\n    processor: build\n    retry: 3\n").key())
                .isEqualTo("steps[0].retry");
        ConfigException timeout = failure("steps:\n  - name: a\n    processor: build\n    timeout: soon\n");
        assertThat(timeout.line()).isEqualTo(4);
        assertThat(timeout.getMessage()).contains("expected a duration such as 30s, 5m or 2h, found 'soon'");
        ConfigException retries = failure("steps:\n  - name: a\n    processor: build\n    retries: many\n");
        assertThat(retries.key()).isEqualTo("steps[0].retries");
        assertThat(retries.getMessage()).endsWith("expected a whole number from 0 to 100, found 'many'");
        ConfigException onFailure = failure("steps:\n  - name: a\n    processor: build\non_failure:\n"
                + "  - name: b\n    processor: notify\n    depends_on: [a]\n");
        assertThat(onFailure.line()).isEqualTo(7);
        assertThat(onFailure.key()).isEqualTo("on_failure[0].depends_on");
    }

    @Test
    void dailyIsBuiltInWhenItsFileIsAbsent(@TempDir Path project) throws Exception {
        Pipeline daily = PipelineLoader.load(project, "daily", Set.of());
        assertThat(daily.file()).isNull();
        assertThat(daily.steps()).extracting(StepSpec::processor)
                .containsExactly(ProcessorType.SYNC, ProcessorType.BUILD, ProcessorType.TEST);

        Files.createDirectories(project.resolve("pipelines"));
        Files.writeString(project.resolve("pipelines/daily.yml"), "steps:\n  - name: only\n    processor: build\n");
        assertThat(PipelineLoader.load(project, "daily", Set.of()).steps()).extracting(StepSpec::name)
                .containsExactly("only");
        assertThat(catchThrowableOfType(() -> PipelineLoader.load(project, "weekly", Set.of()),
                ConfigException.class).getMessage()).endsWith("weekly.yml: the file does not exist");
    }
}
