package io.cairn.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.RunResult;
import io.cairn.datagen.GenerationSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same generated tenants landed into DuckDB and copied into Spark's Iceberg raw tables (the Spark raw layout),
 * the first week then the rest (the tenant directory and the absent-stream vars written and read as the platform
 * does): the whole package and its data-quality models build on Spark, the second build
 * incremental, the data tests pass, and every mart is identical row for row to DuckDB's (numbers at the DuckDB
 * column's scale, instants in UTC), with the same data-quality outcomes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkCrossEngineMartsTest {
    private static final Instant CHECKED = Instant.parse("2024-06-02T00:00:00Z");

    private ModelsFixture duck;
    private ModelsFixture spark;
    private GenerationSummary generated;
    private RunResult sparkFirstBuild;
    private RunResult sparkBuild;
    private RunResult duckBuild;
    private DataQualityReport duckQuality;
    private DataQualityReport sparkQuality;

    @BeforeAll
    void generateLandAndBuildOnBothEngines(@TempDir Path dir) throws Exception {
        duck = new ModelsFixture(dir.resolve("duckdb"));
        spark = new ModelsFixture(dir.resolve("spark"), SparkTestContext.open(SparkTestContext.folder("marts")));
        generated = duck.generateOnly(2, 21, 11, LocalDate.of(2024, 3, 1));
        spark.generateOnly(2, 21, 11, LocalDate.of(2024, 3, 1));
        PlatformInputs.writeTenantDirectory(spark.warehouse, spark.controlPlane.tenants().list());
        Path parquet = Files.createDirectories(dir.resolve("parquet"));
        land(name -> name.contains("-001."), parquet);
        // The first build runs the models only (seeds and models, as dbt's seed + run): the data tests run once, on
        // the second, incremental build, which keeps this test at a few minutes on two cores.
        sparkFirstBuild = spark.run(false, PlatformInputs.absentStreamVars(spark.project, spark.warehouse));
        duck.build(false);
        land(name -> !name.contains("-001."), parquet);
        sparkBuild = spark.build(false, PlatformInputs.absentStreamVars(spark.project, spark.warehouse));
        duckBuild = duck.build(false);
        duckQuality = new DataQuality(duck.warehouse, Clock.fixed(CHECKED, ZoneOffset.UTC))
                .record(duck.engine(Map.of()), duckBuild, "duckdb-run");
        sparkQuality = new DataQuality(spark.warehouse, Clock.fixed(CHECKED, ZoneOffset.UTC))
                .record(spark.engine(Map.of()), sparkBuild, "spark-run");
    }

    /** Lands the matching generated files into DuckDB, then copies DuckDB's raw schema into Spark. */
    private void land(Predicate<String> files, Path parquet) {
        duck.dropGenerated(files);
        duck.land(duck.sources(generated));
        SparkRawCopy.copy(duck, spark, "raw", parquet);
    }

    @AfterAll
    void close() {
        duck.close();
        spark.close();
    }

    @Test
    void everyModelAndDataTestSucceedsOnSpark() {
        assertThat(CrossEngineMartsTest.problems(sparkFirstBuild)).as("models that did not succeed on Spark")
                .isEmpty();
        assertThat(sparkFirstBuild.results()).as("the first build ran the models").hasSizeGreaterThan(40);
        assertThat(CrossEngineMartsTest.problems(sparkBuild)).as("nodes that did not succeed in Spark's incremental "
                + "run").isEmpty();
        assertThat(sparkBuild.result("fct_sales_by_day").orElseThrow().compiledCode())
                .as("the second build ran the incremental branch").contains("watermarks");
        assertThat(CrossEngineMartsTest.problems(duckBuild)).as("nodes that did not succeed on DuckDB").isEmpty();
        assertThat(sparkBuild.results()).as("the same nodes ran").hasSameSizeAs(duckBuild.results());
        assertThat(sparkBuild.results().stream().filter(r -> r.resourceType().equals("test")).count())
                .as("data tests ran").isGreaterThan(50);
    }

    @Test
    void everyMartIsIdenticalRowByRow() {
        List<String> marts = CrossEngineMartsTest.tables(duck.warehouse, "marts");
        assertThat(spark.rows("show tables in marts").stream().map(row -> (String) row.get(1)).toList())
                .as("the same marts on Spark").containsExactlyInAnyOrderElementsOf(marts);
        SoftAssertions softly = new SoftAssertions();
        for (String mart : marts) {
            CrossEngineMartsTest.Comparison compared = CrossEngineMartsTest.compare(duck.warehouse, spark.warehouse,
                    mart);
            softly.assertThat(compared.rows()).as("rows of marts.%s", mart).isPositive();
            softly.assertThat(compared.onlyDuckDb()).as("rows of marts.%s only on DuckDB", mart).isEmpty();
            softly.assertThat(compared.onlyPostgres()).as("rows of marts.%s only on Spark", mart).isEmpty();
        }
        softly.assertAll();
    }

    /** Late records and schema drift depend on which load a repeated record version landed with (see there). */
    @Test
    void dataQualityGivesEveryTenantTheSameOutcomes() {
        assertThat(CrossEngineMartsTest.outcomes(sparkQuality)).as("check, relation, tenant and status on Spark")
                .isEqualTo(CrossEngineMartsTest.outcomes(duckQuality));
        assertThat(DqResultsTable.read(spark.warehouse, "spark-run")).as("ops.dq_results on Spark")
                .hasSameSizeAs(sparkQuality.results());
    }
}
