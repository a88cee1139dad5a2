package io.cairn.core.model.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** Reads YAML files into plain maps and lists, and the typed lookups the loaders need. */
public final class Yaml {
    private Yaml() {}

    /** The top-level mapping of a YAML file; an empty file gives an empty map. */
    public static Map<String, Object> readMap(Path file, String display) {
        try {
            Load load = new Load(LoadSettings.builder().setLabel(display).build());
            Object value = load.loadFromString(Files.readString(file));
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?>)) {
                throw new CairnException(ErrorCode.CONFIG, "Cannot read %s: the top level is not a mapping", display);
            }
            return map(value);
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot read %s: %s", display, e.getMessage());
        }
        catch (YamlEngineException e) {
            throw new CairnException(ErrorCode.CONFIG, e, "Cannot parse %s: %s", display, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        throw new CairnException(ErrorCode.CONFIG, "Cannot read YAML value: expected a mapping, found %s", value);
    }

    public static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }

    public static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object item : list(value)) {
            out.add(String.valueOf(item));
        }
        return out;
    }

    public static String string(Map<String, Object> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
