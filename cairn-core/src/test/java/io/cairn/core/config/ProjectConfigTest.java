package io.cairn.core.config;

import io.cairn.spi.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProjectConfigTest {
    private static final Function<String, String> NO_ENV = name -> null;

    @TempDir
    Path dir;

    @Test
    void defaultsWithoutCairnYmlMakeTheDemoWork() {
        ProjectConfig config = ProjectConfig.load(dir, NO_ENV);

        assertThat(config.projectDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(config.warehouse().type()).isEqualTo("duckdb");
        assertThat(config.warehouse().projectDir()).isEqualTo(dir);
        assertThat(config.warehouse().options()).isEqualTo(Map.of("path", "warehouse.duckdb"));
        assertThat(config.controlPlane())
                .isEqualTo(new ControlPlaneSettings("jdbc:h2:file:" + dir + "/.cairn/control;AUTO_SERVER=TRUE", null,
                        null));
        assertThat(config.root()).isEqualTo(dir.resolve("data"));
        assertThat(config.rawZone()).isEqualTo(dir.resolve("data/raw"));
        assertThat(config.inbox()).isEqualTo(dir.resolve("data/inbox"));
        assertThat(config.project()).isEqualTo(dir);
        assertThat(config.dbtProject()).as("no dbt_project.yml: use the bundled package").isEmpty();
    }

    @Test
    void designExampleParses() throws IOException {
        write("""
                warehouse:
                  type: duckdb                      # duckdb | postgres | spark
                  path: warehouse.duckdb            # duckdb: file, relative to this file
                  # url: jdbc:postgresql://127.0.0.1:5432/cairn   (postgres; user, password: ${env:NAME})
                control_plane:
                  url: jdbc:h2:file:./.cairn/control  # or jdbc:postgresql://...
                root: data                          # inbox/, raw/ (the raw zone) live under it
                project: .                          # a dbt-format project (dbt_project.yml)
                """);

        ProjectConfig config = ProjectConfig.load(dir, NO_ENV);

        assertThat(config.warehouse().options()).isEqualTo(Map.of("path", "warehouse.duckdb"));
        assertThat(config.controlPlane().url())
                .as("a relative H2 path resolves against the project folder")
                .isEqualTo("jdbc:h2:file:" + dir + "/.cairn/control;AUTO_SERVER=TRUE");
        assertThat(config.root()).isEqualTo(dir.resolve("data"));
        assertThat(config.project()).isEqualTo(dir);
    }

    @Test
    void postgresWithEnvironmentCredentials() throws IOException {
        write("""
                warehouse:
                  type: postgres
                  url: jdbc:postgresql://${env:PG_HOST}:5432/cairn
                  user: ${env:PG_USER}
                  password: ${env:PG_PASSWORD}
                  threads: 8
                control_plane:
                  url: jdbc:postgresql://${env:PG_HOST}:5432/control
                  user: cairn
                  password: ${env:PG_PASSWORD}
                root: /srv/cairn/data
                project: ../analytics
                """);
        Map<String, String> env = Map.of("PG_HOST", "db.internal", "PG_USER", "loader", "PG_PASSWORD", "s3cr3t");

        ProjectConfig config = ProjectConfig.load(dir, env::get);

        assertThat(config.warehouse().type()).isEqualTo("postgres");
        assertThat(config.warehouse().options()).isEqualTo(Map.of(
                "url", "jdbc:postgresql://db.internal:5432/cairn", "user", "loader", "password", "s3cr3t",
                "threads", "8"));
        assertThat(config.controlPlane())
                .isEqualTo(new ControlPlaneSettings("jdbc:postgresql://db.internal:5432/control", "cairn", "s3cr3t"));
        assertThat(config.controlPlane().toString()).as("password redacted").doesNotContain("s3cr3t").contains("***");
        assertThat(config.root()).isEqualTo(Path.of("/srv/cairn/data"));
        assertThat(config.project()).isEqualTo(dir.getParent().resolve("analytics"));
    }

    @Test
    void h2UrlKeepsItsOptionsWhenResolved() throws IOException {
        write("control_plane:\n  url: jdbc:h2:./state/cp;MODE=PostgreSQL\n");

        assertThat(ProjectConfig.load(dir, NO_ENV).controlPlane().url())
                .isEqualTo("jdbc:h2:" + dir + "/state/cp;MODE=PostgreSQL;AUTO_SERVER=TRUE");
    }

    @Test
    void dbtProjectIsFoundWhenPresent() throws IOException {
        Files.createDirectories(dir.resolve("models_project"));
        Files.writeString(dir.resolve("models_project/dbt_project.yml"), "name: shop\n");
        write("project: models_project\n");

        assertThat(ProjectConfig.load(dir, NO_ENV).dbtProject()).contains(dir.resolve("models_project"));
    }

    @Test
    void unknownWarehouseTypeNamesTheKnownOnes() throws IOException {
        write("root: data\nwarehouse:\n  type: duck\n");

        ConfigException error = loadFails();

        assertThat(error.getMessage()).isEqualTo("Cannot read " + dir.resolve("cairn.yml") + ": line 3, key "
                + "'warehouse.type': unknown warehouse type 'duck' (expected one of duckdb, postgres, spark)");
        assertThat(error.code()).isEqualTo(ErrorCode.CONFIG);
    }

    @Test
    void unknownKeyIsNamedWithItsLine() throws IOException {
        write("warehouse:\n  type: duckdb\n  pth: other.duckdb\n");

        ConfigException error = loadFails();

        assertThat(error.file()).isEqualTo(dir.resolve("cairn.yml"));
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.key()).isEqualTo("warehouse.pth");
        assertThat(error.getMessage())
                .endsWith("unknown key 'pth' (known keys: memory_limit, path, temp_directory, threads, type)");
    }

    @Test
    void unknownTopLevelKeyIsNamed() throws IOException {
        write("root: data\n\nwharehouse:\n  type: duckdb\n");

        ConfigException error = loadFails();

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.key()).isEqualTo("wharehouse");
        assertThat(error.getMessage()).contains("known keys: api, control_plane, project, root, warehouse");
    }

    @Test
    void malformedYamlGivesTheParsersLine() throws IOException {
        write("root: data\nwarehouse: type: duckdb\n");

        ConfigException error = loadFails();

        assertThat(error.file()).isEqualTo(dir.resolve("cairn.yml"));
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.key()).isEmpty();
        assertThat(error.getMessage()).contains("line 2: malformed YAML: mapping values are not allowed here");
    }

    @Test
    void wrongShapeIsNamed() throws IOException {
        write("warehouse: duckdb\n");

        ConfigException error = loadFails();

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.key()).isEqualTo("warehouse");
        assertThat(error.getMessage()).endsWith("expected a mapping, found a string");
    }

    @Test
    void unsetEnvironmentVariableIsAnError() throws IOException {
        write("control_plane:\n  url: jdbc:postgresql://db/control\n  password: ${env:CP_PASSWORD}\n");

        ConfigException error = loadFails();

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.key()).isEqualTo("control_plane.password");
        assertThat(error.getMessage()).endsWith("environment variable 'CP_PASSWORD' is not set");
    }

    @Test
    void postgresWarehouseNeedsAUrl() throws IOException {
        write("warehouse:\n  type: postgres\n  user: loader\n");

        ConfigException error = loadFails();

        assertThat(error.line()).as("a missing key is reported where its mapping starts").isEqualTo(2);
        assertThat(error.key()).isEqualTo("warehouse.url");
        assertThat(error.getMessage()).endsWith("a value is required");
    }

    @Test
    void postgresPoolSizeIsAccepted() throws IOException {
        write("warehouse:\n  type: postgres\n  url: jdbc:postgresql://db/cairn\n  pool_size: 12\n");

        assertThat(ProjectConfig.load(dir, NO_ENV).warehouse().option("pool_size"))
                .as("PostgresWarehouseFactory reads pool_size").contains("12");
    }

    @Test
    void postgresPoolSizeMustBeAWholeNumber() throws IOException {
        write("warehouse:\n  type: postgres\n  url: jdbc:postgresql://db/cairn\n  pool_size: -1\n");

        ConfigException error = loadFails();

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.key()).isEqualTo("warehouse.pool_size");
        assertThat(error.getMessage()).endsWith("expected a whole number of idle connections from 0 to 1000, found '-1'");
    }

    @Test
    void poolSizeIsAPostgresKeyOnly() throws IOException {
        write("warehouse:\n  type: duckdb\n  pool_size: 4\n");

        assertThat(loadFails().key()).isEqualTo("warehouse.pool_size");
    }

    private void write(String yaml) throws IOException {
        Files.writeString(dir.resolve("cairn.yml"), yaml);
    }

    private ConfigException loadFails() {
        return catchThrowableOfType(ConfigException.class, () -> ProjectConfig.load(dir, NO_ENV));
    }
}
