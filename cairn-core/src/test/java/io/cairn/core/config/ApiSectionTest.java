package io.cairn.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiSectionTest {
    @TempDir
    Path dir;

    @Test
    void theApiSectionSetsPortLimitsAndPlans() throws IOException {
        Files.writeString(dir.resolve(ProjectConfig.FILE_NAME), """
                api:
                  port: 9090
                  rate_limit: {requests_per_second: 2.5, burst: 10}
                  query_timeout_seconds: 12
                  query_row_limit: 500
                  default_plan: free
                  plans:
                    free: {runs_per_day: 10, rows_landed_per_month: 1_000_000}
                    enterprise: {}
                """);

        ApiSettings api = ProjectConfig.load(dir, name -> null).api();

        assertThat(api.port()).isEqualTo(9090);
        assertThat(api.requestsPerSecond()).isEqualTo(2.5);
        assertThat(api.burst()).isEqualTo(10);
        assertThat(api.queryTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(api.queryRowLimit()).isEqualTo(500);
        assertThat(api.plan(null)).isEqualTo(new ApiSettings.Plan(Optional.of(10L), Optional.of(1_000_000L)));
        assertThat(api.plan("enterprise")).isEqualTo(ApiSettings.Plan.UNLIMITED);
    }

    @Test
    void withoutTheSectionTheDefaultsApply() {
        assertThat(ProjectConfig.load(dir, name -> null).api()).isEqualTo(ApiSettings.defaults());
    }

    @Test
    void badValuesNameFileLineAndKey() throws IOException {
        Files.writeString(dir.resolve(ProjectConfig.FILE_NAME), """
                api:
                  plans:
                    free:
                      runs_per_day: ten
                """);

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> ProjectConfig.load(dir, name -> null));

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.key()).isEqualTo("api.plans.free.runs_per_day");
        assertThat(error.getMessage()).contains("cairn.yml", "whole number", "ten");
    }

    @Test
    void unknownKeysAreRefused() throws IOException {
        Files.writeString(dir.resolve(ProjectConfig.FILE_NAME), """
                api:
                  rate_limit: {per_second: 3}
                """);

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> ProjectConfig.load(dir, name -> null));

        assertThat(error.getMessage()).contains("per_second", "requests_per_second");
    }
}
