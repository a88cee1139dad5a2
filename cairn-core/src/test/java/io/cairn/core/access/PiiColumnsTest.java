package io.cairn.core.access;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.ModelTestHelper;
import io.cairn.core.model.project.ProjectLoader;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

import static org.assertj.core.api.Assertions.assertThat;

class PiiColumnsTest {
    @TempDir
    Path dir;

    @Test
    void tagsAndMetaMarkPiiColumnsInEverySpelling() {
        Path project = project();

        PiiColumns pii = PiiColumns.read(ProjectLoader.load(project));

        assertThat(pii.byModel()).as("tags, config.tags, meta, config.meta; a model without PII is absent")
                .isEqualTo(Map.of("customers", Set.of("email", "phone", "full_name", "street")));
        assertThat(pii.of("orders")).isEmpty();
    }

    @Test
    void relationsAreNamedAsTheEngineResolvesThem() {
        Path project = project();
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(null, null, null)) {
            ModelEngine engine = ModelEngine.load(project, ModelTestHelper.options(warehouse));

            assertThat(PiiColumns.read(engine.project()).byRelation(engine.dag()))
                    .isEqualTo(Map.of("main_marts.customers", Set.of("email", "phone", "full_name", "street")));
        }
    }

    private Path project() {
        Path project = dir.resolve("shop");
        ModelTestHelper.write(project, "dbt_project.yml", """
                name: shop
                models:
                  shop:
                    marts:
                      +schema: marts
                """);
        ModelTestHelper.write(project, "models/marts/customers.sql",
                "select 'acme' as tenant_id, 'a@b.c' as email, '1' as phone, 'Ann' as full_name, 'x' as street, 1 as n");
        ModelTestHelper.write(project, "models/marts/orders.sql", "select 'acme' as tenant_id, 1 as n");
        ModelTestHelper.write(project, "models/marts/_marts.yml", """
                version: 2
                models:
                  - name: customers
                    columns:
                      - name: email
                        tags: [pii]
                      - name: phone
                        tags: [contact, PII]
                        tests: [not_null]
                      - name: full_name
                        meta: {pii: true}
                      - name: street
                        config: {meta: {pii: "true"}}
                      - name: n
                        meta: {pii: false}
                        tags: [metric]
                  - name: orders
                    columns:
                      - name: n
                """);
        return project;
    }
}
