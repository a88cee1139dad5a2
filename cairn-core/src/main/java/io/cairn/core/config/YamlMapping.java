package io.cairn.core.config;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A mapping of a parsed YAML file, with typed getters that raise {@link ConfigException}s naming file, line and key. */
public final class YamlMapping {
    private final YamlNode node;
    private final Map<String, YamlNode> values;
    private final Map<String, Integer> keyLines;

    YamlMapping(YamlNode node, Map<String, YamlNode> values, Map<String, Integer> keyLines) {
        this.node = node;
        this.values = values;
        this.keyLines = keyLines;
    }

    /** The node this mapping was read from. */
    public YamlNode node() {
        return node;
    }

    /** Every key with its value node, in file order. */
    public Map<String, YamlNode> entries() {
        return values;
    }

    /** Fails on the first key that is not in {@code known}, listing the known ones. */
    public YamlMapping allowOnly(Collection<String> known) {
        for (Map.Entry<String, Integer> key : keyLines.entrySet()) {
            if (!known.contains(key.getKey())) {
                throw node.errorAt(key.getValue(), node.childPath(key.getKey()), "unknown key '%s' (known keys: %s)",
                        key.getKey(), String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    /** The value of {@code key}; empty when the key is absent or its value is null. */
    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isNull());
    }

    /** The value of {@code key}, which must be present and not null. */
    public YamlNode require(String key) {
        return get(key).orElseThrow(() -> keyError(key, "a value is required"));
    }

    public Optional<String> string(String key) {
        return get(key).map(YamlNode::string);
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return get(key).map(YamlNode::bool).orElse(defaultValue);
    }

    /** The value of {@code key} as a mapping; an empty one when absent. */
    public YamlMapping mapping(String key) {
        return get(key).orElseGet(() -> node.absent(key)).mapping();
    }

    /** An exception pointing at {@code key} itself rather than at its value (which may start on a later line). */
    public ConfigException keyError(String key, String format, Object... args) {
        return node.errorAt(keyLines.getOrDefault(key, node.line()), node.childPath(key), format, args);
    }

    public Set<String> keys() {
        return values.keySet();
    }
}
