package io.cairn.core.model.compile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.ModelTestHelper;
import io.cairn.core.model.graph.Dag;
import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.model.project.Project;
import io.cairn.core.model.project.ProjectLoader;
import io.cairn.core.model.render.RenderGlobals;
import io.cairn.core.model.render.Renderer;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static io.cairn.core.model.ModelTestHelper.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Compiling reuses a parse-time render only where rendering again would give the same SQL. */
class CompileReuseTest {
    @TempDir
    Path dir;
    private DuckDbWarehouse warehouse;

    @BeforeEach
    void setUp() {
        warehouse = DuckDbWarehouse.open(null, null, null);
    }

    @AfterEach
    void tearDown() {
        warehouse.close();
    }

    /** The parsed project, a compiler that reuses parse-time renders and one that renders everything again. */
    private record Loaded(Dag dag, Map<String, ParsedSql> parsed, Compiler reusing, Compiler rendering) {}

    private Loaded load(Path projectDir) {
        Project project = ProjectLoader.load(projectDir);
        RenderGlobals globals = new RenderGlobals(ProjectLoader.vars(project.config(), Map.of()), Map.of(), "dev",
                "main", warehouse.dialect());
        Renderer renderer = new Renderer(globals, project.macroFiles());
        GraphBuilder graph = new GraphBuilder(project, renderer, "main", warehouse.dialect());
        Dag dag = graph.build();
        return new Loaded(dag, graph.parsedSql(), new Compiler(project, dag, renderer, warehouse.dialect(),
                graph.parsedSql()), new Compiler(project, dag, renderer, warehouse.dialect()));
    }

    /** Every model and test, compiled both ways, with {@code is_incremental()} false and true. */
    private static Map<String, List<String>> compileAll(Loaded loaded, Compiler compiler) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Node node : loaded.dag().nodes().values()) {
            if (node.type() == ResourceType.MODEL || node.type() == ResourceType.TEST) {
                out.put(node.uniqueId(), List.of(compiler.compile(node, false), compiler.compile(node, true)));
            }
        }
        return out;
    }

    @Test
    void jaffleCompilesTheSameWithParseTimeRenders() {
        Loaded loaded = load(ModelTestHelper.jaffleProject(dir));

        assertThat(compileAll(loaded, loaded.reusing())).as("reused renders must equal fresh ones")
                .isEqualTo(compileAll(loaded, loaded.rendering()));
        assertThat(loaded.parsed()).as("staging models and generic tests need no second render")
                .containsKeys("model.jaffle.stg_orders", "model.jaffle.stg_customers", "model.jaffle.orders")
                .hasSizeGreaterThan(loaded.dag().nodes().size() / 2);
    }

    @Test
    void rendersThatDependOnCompileTimeBindingsAreRenderedAgain() {
        Path project = dir.resolve("reuse");
        write(project, "dbt_project.yml", "name: reuse\n");
        write(project, "macros/pick.sql", "{% macro pick(name) %}select * from {{ ref(name) }}{% endmacro %}");
        write(project, "models/a_base.sql", "select 1 as id");
        write(project, "models/b_child.sql", "select * from {{ ref('a_base') }}");
        write(project, "models/c_this.sql", "select '{{ this }}' as me");
        write(project, "models/d_execute.sql", "{% if execute %}select 1 as x{% else %}select 2 as x{% endif %}");
        write(project, "models/e_incremental.sql", "{{ config(materialized='incremental') }}\n"
                + "select * from {{ ref('a_base') }}\n{% if is_incremental() %}where id > 0{% endif %}");
        write(project, "models/f_hidden.sql", "{{ pick('z_late') }}");
        write(project, "models/z_late.sql", "select 2 as id");
        Loaded loaded = load(project);

        assertThat(loaded.parsed().keySet()).as("what reads this/execute or meets an unparsed parent is left out")
                .containsExactlyInAnyOrder("model.reuse.a_base", "model.reuse.b_child", "model.reuse.e_incremental",
                        "model.reuse.z_late");
        assertThat(loaded.parsed().get("model.reuse.b_child").sql()).isEqualTo("select * from \"main\".\"a_base\"");
        assertThat(loaded.parsed().get("model.reuse.e_incremental").askedIncremental()).isTrue();
        Map<String, List<String>> reused = compileAll(loaded, loaded.reusing());
        assertThat(reused).isEqualTo(compileAll(loaded, loaded.rendering()));
        assertThat(reused.get("model.reuse.d_execute").get(0)).isEqualTo("select 1 as x");
        assertThat(reused.get("model.reuse.c_this").get(0)).isEqualTo("select '\"main\".\"c_this\"' as me");
        assertThat(reused.get("model.reuse.e_incremental").get(1)).endsWith("where id > 0");
        assertThat(reused.get("model.reuse.f_hidden").get(0)).isEqualTo("select * from \"main\".\"z_late\"");
    }
}
