package io.cairn.bench;

import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic dbt-format project of N models for the parse+compile benchmark: a tenth staging views over
 * twenty sources, half intermediate tables and the rest marts (a quarter of them incremental), each model
 * referencing two or three models of lower layers, calling project macros, looping over columns with
 * {@code {% for %}} and {@code {% set %}}, and declared in a YAML properties file per 100 models with two or three
 * generic tests on its columns; plus a few singular tests.
 */
final class GeneratedProject {
    static final int SOURCES = 20;
    private static final String COLUMNS = "['amount', 'discount', 'tax', 'shipping']";

    private GeneratedProject() {}

    /** Writes the project into {@code dir} and returns the number of generic and singular tests declared. */
    static int write(Path dir, int models) {
        BenchSupport.write(dir.resolve("dbt_project.yml"), """
                name: bench
                version: "1.0.0"
                model-paths: ["models"]
                macro-paths: ["macros"]
                test-paths: ["tests"]
                vars:
                  tenant: acme
                  lookback_days: 3
                models:
                  bench:
                    +materialized: view
                    staging:
                      +schema: staging
                      +tags: ["staging"]
                    intermediate:
                      +materialized: table
                    marts:
                      +materialized: table
                      +tags: ["marts"]
                """);
        writeMacros(dir);
        writeSources(dir);
        int staging = Math.max(1, models / 10);
        int intermediate = Math.max(1, models / 2);
        Random random = new Random(7);
        int tests = 0;
        StringBuilder properties = new StringBuilder("version: 2\nmodels:\n");
        for (int i = 0; i < models; i++) {
            String layer = i < staging ? "staging" : i < staging + intermediate ? "intermediate" : "marts";
            String name = name(i, staging, intermediate);
            String sql = i < staging ? stagingSql(i) : modelSql(i, staging, intermediate, random);
            BenchSupport.write(dir.resolve("models/" + layer + "/" + name + ".sql"), sql);
            tests += describe(properties, name, i);
            if (i % 100 == 99 || i == models - 1) {
                BenchSupport.write(dir.resolve("models/" + layer + "/schema_" + (i / 100) + ".yml"),
                        properties.toString());
                properties = new StringBuilder("version: 2\nmodels:\n");
            }
        }
        for (int t = 0; t < 10; t++) {
            BenchSupport.write(dir.resolve("tests/assert_positive_" + t + ".sql"), "select * from {{ ref('"
                    + name(models - 1 - t, staging, intermediate) + "') }} where amount < 0\n");
            tests++;
        }
        return tests;
    }

    static String name(int i, int staging, int intermediate) {
        return i < staging ? "stg_" + i : i < staging + intermediate ? "int_" + i : "fct_" + i;
    }

    private static void writeMacros(Path dir) {
        BenchSupport.write(dir.resolve("macros/money.sql"), """
                {% macro cents_to_dollars(column, scale=2) %}round({{ column }} / 100.0, {{ scale }}){% endmacro %}
                {% macro safe_divide(a, b) %}case when {{ b }} = 0 then null else {{ a }} / {{ b }} end{% endmacro %}
                """);
        BenchSupport.write(dir.resolve("macros/columns.sql"), """
                {% macro sum_columns(columns, prefix='') -%}
                {%- for c in columns %}sum({{ prefix }}{{ c }}) as {{ c }}{{ ',' if not loop.last }}
                {% endfor -%}
                {%- endmacro %}
                {% macro tenant_column() %}'{{ var("tenant") }}' as tenant_id{% endmacro %}
                """);
        BenchSupport.write(dir.resolve("macros/is_even.sql"), """
                {% test is_even(model, column_name) %}
                select * from {{ model }} where {{ column_name }} % 2 <> 0
                {% endtest %}
                """);
    }

    private static void writeSources(Path dir) {
        StringBuilder yaml = new StringBuilder("version: 2\nsources:\n  - name: shop\n    schema: raw\n"
                + "    loaded_at_field: _loaded_at\n    freshness:\n      warn_after: {count: 12, period: hour}\n"
                + "    tables:\n");
        for (int s = 0; s < SOURCES; s++) {
            yaml.append("      - name: events_").append(s).append('\n');
        }
        BenchSupport.write(dir.resolve("models/staging/sources.yml"), yaml.toString());
    }

    private static String stagingSql(int i) {
        return "-- staging model " + i + "\nselect\n    id,\n    {{ tenant_column() }},\n"
                + "    {% for c in " + COLUMNS + " %}{{ cents_to_dollars(c + '_cents') }} as {{ c }},\n    {% endfor %}"
                + "category,\n    updated_at\nfrom {{ source('shop', 'events_" + (i % SOURCES) + "') }}\n"
                + "where updated_at is not null\n";
    }

    private static String modelSql(int i, int staging, int intermediate, Random random) {
        int parents = 2 + random.nextInt(2);
        boolean mart = i >= staging + intermediate;
        boolean incremental = mart && i % 4 == 0;
        int lowest = mart ? staging : 0;
        int highest = mart ? staging + intermediate : i;
        StringBuilder sql = new StringBuilder();
        if (incremental) {
            sql.append("{{ config(materialized='incremental', unique_key='id', incremental_strategy='merge') }}\n");
        }
        sql.append("{% set columns = ").append(COLUMNS).append(" %}\nwith unioned as (\n");
        for (int p = 0; p < parents; p++) {
            int parent = lowest + random.nextInt(Math.max(1, highest - lowest));
            sql.append(p == 0 ? "" : "    union all\n").append("    select * from {{ ref('")
                    .append(name(parent, staging, intermediate)).append("') }}\n");
        }
        sql.append(")\nselect\n    id,\n    tenant_id,\n    category,\n    max(updated_at) as updated_at,\n    ")
                .append("{{ sum_columns(columns) }}\nfrom unioned\n");
        if (incremental) {
            sql.append("{% if is_incremental() %}\nwhere updated_at > (select max(updated_at) - interval '")
                    .append("{{ var('lookback_days') }} days' from {{ this }})\n{% endif %}\n");
        }
        return sql.append("group by id, tenant_id, category\n").toString();
    }

    private static int describe(StringBuilder yaml, String name, int i) {
        yaml.append("  - name: ").append(name).append("\n    description: model ").append(i)
                .append("\n    columns:\n      - name: id\n        tests: [not_null, unique]\n");
        int tests = 2;
        if (i % 5 == 0) {
            yaml.append("      - name: amount\n        tests: [is_even]\n");
            tests++;
        }
        if (i % 3 == 0) {
            yaml.append("      - name: category\n        tests:\n          - accepted_values:\n")
                    .append("              values: ['a', 'b', 'c']\n              config:\n")
                    .append("                severity: warn\n");
            tests++;
        }
        return tests;
    }
}
