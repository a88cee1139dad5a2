package io.cairn.core.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cairn.spi.warehouse.Warehouse;

/** Static helpers for the model engine tests: fixture projects, the shared jaffle-shop seeds, SQL queries. */
public final class ModelTestHelper {
    private ModelTestHelper() {}

    /** Copies {@code src/test/resources/projects/<name>} into {@code dir} and returns the copy. */
    public static Path copyProject(String name, Path dir) {
        try {
            Path source = Paths.get(ModelTestHelper.class.getResource("/projects/" + name).toURI());
            Path target = dir.resolve(name);
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path file : walk.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    }
                    else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared jaffle-shop fixture folder, found by walking up from the working directory. */
    public static Path jaffleShopDir() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/external/jaffle-shop");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/external/jaffle-shop not found above the working directory");
    }

    /** A copy of the jaffle project with the three jaffle-shop CSVs copied into its seeds folder. */
    public static Path jaffleProject(Path dir) {
        Path project = copyProject("jaffle", dir);
        try {
            Files.createDirectories(project.resolve("seeds"));
            for (String csv : List.of("raw_customers.csv", "raw_orders.csv", "raw_payments.csv")) {
                Files.copy(jaffleShopDir().resolve(csv), project.resolve("seeds").resolve(csv));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return project;
    }

    public static void write(Path project, String path, String content) {
        try {
            Path file = project.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void exec(Warehouse warehouse, String... sql) {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the query as a list of values (JDBC objects). */
    public static List<List<Object>> rows(Warehouse warehouse, String sql) {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object scalar(Warehouse warehouse, String sql) {
        List<List<Object>> rows = rows(warehouse, sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public static EngineOptions options(Warehouse warehouse) {
        return EngineOptions.defaults(warehouse).withEnv(Map.of());
    }

    public static RunOptions runOptions(Path project) {
        return RunOptions.defaults().withTargetDir(project.resolve("target"));
    }
}
