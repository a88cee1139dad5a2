package io.cairn.core.model.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** Finds and reads the files of a dbt-format project. */
public final class ProjectLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectLoader.class);

    private ProjectLoader() {}

    public static Project load(Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        ProjectConfig config = ProjectConfig.read(dir);
        List<SqlFile> models = files(dir, config.modelPaths(), ".sql", true);
        List<SqlFile> seeds = files(dir, config.seedPaths(), ".csv", false);
        List<SqlFile> macros = new ArrayList<>(files(dir, config.macroPaths(), ".sql", true));
        List<SqlFile> singular = new ArrayList<>();
        for (SqlFile test : files(dir, config.testPaths(), ".sql", true)) {
            boolean generic = !test.folders().isEmpty() && test.folders().get(0).equals("generic");
            (generic ? macros : singular).add(test);
        }
        PropertiesParser properties = new PropertiesParser();
        List<String> propertyPaths = new ArrayList<>(config.modelPaths());
        propertyPaths.addAll(config.seedPaths());
        propertyPaths.addAll(config.testPaths());
        for (SqlFile yml : files(dir, propertyPaths, ".yml", false)) {
            properties.parse(Yaml.readMap(yml.file(), yml.path()), yml.path());
        }
        for (SqlFile yml : files(dir, propertyPaths, ".yaml", false)) {
            properties.parse(Yaml.readMap(yml.file(), yml.path()), yml.path());
        }
        LOG.debug("Loaded project {}: {} models, {} seeds, {} macro files", config.name(), models.size(),
                seeds.size(), macros.size());
        return new Project(dir, config, models, seeds, macros, singular, properties.models(), properties.seeds(),
                properties.sources());
    }

    private static List<SqlFile> files(Path dir, List<String> roots, String extension, boolean read) {
        List<SqlFile> out = new ArrayList<>();
        for (String root : roots) {
            Path base = dir.resolve(root).normalize();
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path file : walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList()) {
                    out.add(sqlFile(dir, base, file, extension, read));
                }
            }
            catch (IOException e) {
                throw new CairnException(ErrorCode.IO, e, "Cannot read folder %s: %s", base, e.getMessage());
            }
        }
        return out;
    }

    private static SqlFile sqlFile(Path dir, Path base, Path file, String extension, boolean read) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - extension.length());
        List<String> folders = new ArrayList<>();
        Path relative = base.relativize(file.getParent());
        for (Path part : relative) {
            if (!part.toString().isEmpty()) {
                folders.add(part.toString());
            }
        }
        String path = dir.relativize(file).toString().replace('\\', '/');
        return new SqlFile(name, path, file, folders, read ? Files.readString(file) : "");
    }

    /** Reads project vars merged with {@code overrides} (the {@code --vars} option), overrides winning. */
    public static Map<String, Object> vars(ProjectConfig config, Map<String, Object> overrides) {
        Map<String, Object> vars = new java.util.LinkedHashMap<>(config.projectVars());
        vars.putAll(overrides);
        return vars;
    }
}
