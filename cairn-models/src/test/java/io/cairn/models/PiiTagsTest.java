package io.cairn.models;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.access.PiiColumns;
import io.cairn.core.model.project.ProjectLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled package declares its marts' personal data, which PostgreSQL masks for readers without PII access. */
class PiiTagsTest {
    private static final Set<String> IDENTITY = Set.of("person_key", "email", "first_name", "last_name", "phone",
            "city");

    @Test
    void customerMartsTagTheirPersonalColumns(@TempDir Path dir) {
        PiiColumns pii = PiiColumns.read(ProjectLoader.load(BundledProject.extractTo(dir.resolve("project"))));

        assertThat(pii.byModel()).as("person_key can hold an e-mail address").isEqualTo(Map.of(
                "customer_360", IDENTITY,
                "dim_customers", IDENTITY,
                "fct_customer_lifetime_value", Set.of("person_key")));
    }
}
