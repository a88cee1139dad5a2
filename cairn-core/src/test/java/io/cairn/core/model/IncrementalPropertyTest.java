package io.cairn.core.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static io.cairn.core.model.ModelTestHelper.exec;
import static io.cairn.core.model.ModelTestHelper.rows;
import static io.cairn.core.model.ModelTestHelper.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random sequences of inserts, updates and late records, the incremental table after every step
 * equals what a full refresh computes from all the data.
 */
class IncrementalPropertyTest {
    private static final int SEEDS = 6;
    private static final int STEPS = 7;
    private static final String MODEL = """
            {{ config(materialized='%s', unique_key=%s, incremental_strategy='%s') }}
            with batch as (
                select distinct tenant_id, id from {{ source('src', 'events') }}
                {%% if is_incremental() %%}
                where _loaded_at > (select coalesce(max(last_loaded_at), -1) from {{ this }})
                {%% endif %%}
            ),
            versions as (
                select e.*, e.tenant_id || '-' || e.id as key,
                    max(e._loaded_at) over (partition by e.tenant_id, e.id) as last_loaded_at,
                    row_number() over (partition by e.tenant_id, e.id
                                       order by e.updated_at desc, e._loaded_at desc) as rn
                from {{ source('src', 'events') }} e
                join batch b on e.tenant_id = b.tenant_id and e.id = b.id
            )
            select key, tenant_id, id, amount, updated_at, last_loaded_at from versions where rn = 1
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"merge, list", "delete+insert, list", "merge, single", "delete+insert, single"})
    void incrementalRunsEqualFullRefresh(String strategy, String keyShape) {
        String uniqueKey = keyShape.equals("list") ? "['tenant_id', 'id']" : "'key'";
        for (int seed = 0; seed < SEEDS; seed++) {
            Path project = tmp.resolve(strategy.replace('+', '_') + uniqueKey.length() + "_" + seed);
            write(project, "dbt_project.yml", "name: prop\n");
            write(project, "models/sources.yml", "sources:\n  - name: src\n    tables:\n      - name: events\n");
            write(project, "models/inc.sql", MODEL.formatted("incremental", uniqueKey, strategy));
            write(project, "models/full.sql", MODEL.formatted("table", uniqueKey, strategy));
            try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(null, null, null)) {
                exec(warehouse, "create schema src", "create table src.events (tenant_id varchar, id integer, "
                        + "amount integer, updated_at integer, _loaded_at integer)");
                runSteps(warehouse, project, new Random(seed), "seed " + seed);
            }
        }
    }

    private void runSteps(DuckDbWarehouse warehouse, Path project, Random random, String label) {
        ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));
        RunOptions opts = ModelTestHelper.runOptions(project).withThreads(2);
        Map<String, Integer> latest = new HashMap<>();
        int clock = 100;
        for (int step = 1; step <= STEPS; step++) {
            List<String> values = new ArrayList<>();
            int events = random.nextInt(6);
            for (int i = 0; i < events; i++) {
                clock += 1 + random.nextInt(3);
                values.add(event(random, latest, clock, step));
            }
            if (!values.isEmpty()) {
                exec(warehouse, "insert into src.events values " + String.join(", ", values));
            }
            RunResult run = engine.run(Selection.all(), opts);
            assertThat(run.success()).as("%s step %d: %s", label, step, ResultFormatter.report(run)).isTrue();
            assertSame(warehouse, label + " step " + step);
        }
        List<List<Object>> incremental = snapshot(warehouse, "main.inc");
        engine.run(Selection.of("inc"), opts.withFullRefresh(true));
        assertThat(snapshot(warehouse, "main.inc")).as("%s: --full-refresh rebuilds the same table", label)
                .isEqualTo(incremental);
    }

    private static String event(Random random, Map<String, Integer> latest, int clock, int step) {
        String tenant = random.nextBoolean() ? "a" : "b";
        List<String> keys = latest.keySet().stream().filter(k -> k.startsWith(tenant + "-")).sorted().toList();
        int kind = keys.isEmpty() ? 0 : random.nextInt(3);
        int id;
        int updatedAt;
        if (kind == 0) {
            id = latest.size() + 1;
            updatedAt = clock;
        }
        else {
            String key = keys.get(random.nextInt(keys.size()));
            id = Integer.parseInt(key.substring(2));
            updatedAt = kind == 1 ? clock : latest.get(key) - 1 - random.nextInt(5);
        }
        latest.merge(tenant + "-" + id, updatedAt, Math::max);
        return String.format("('%s', %d, %d, %d, %d)", tenant, id, random.nextInt(1000), updatedAt, step);
    }

    private static void assertSame(DuckDbWarehouse warehouse, String label) {
        assertThat(snapshot(warehouse, "main.inc")).as("%s: incremental equals full refresh", label)
                .isEqualTo(snapshot(warehouse, "main.full"));
    }

    private static List<List<Object>> snapshot(DuckDbWarehouse warehouse, String table) {
        return rows(warehouse, "select key, tenant_id, id, amount, updated_at, last_loaded_at from " + table
                + " order by key");
    }
}
