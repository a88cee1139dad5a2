package io.cairn.core.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A node of a parsed YAML file that knows its file, 1-based line and key path, so every error it raises
 * says where the offending text is. Scalars are read as written (no YAML type coercion) after
 * {@code ${env:NAME}} substitution.
 */
public final class YamlNode {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Path file;
    private final Function<String, String> env;
    private final Node node;
    private final String path;

    private YamlNode(Path file, Function<String, String> env, Node node, String path) {
        this.file = file;
        this.env = env;
        this.node = node;
        this.path = path;
    }

    /** Parses {@code file}; an empty file reads as an empty mapping. */
    public static YamlNode parse(Path file, Function<String, String> env) {
        requireNonNull(file, "file is null");
        requireNonNull(env, "env is null");
        if (!Files.exists(file)) {
            throw new ConfigException(file, 0, "", "the file does not exist");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "", "the file cannot be read (" + e + ")", e);
        }
        return parse(file, text, env);
    }

    /** Parses {@code text} as if read from {@code file}. */
    public static YamlNode parse(Path file, String text, Function<String, String> env) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
        try {
            Node root = new Compose(settings).composeString(text)
                    .orElseGet(() -> new MappingNode(Tag.MAP, List.of(), FlowStyle.AUTO));
            return new YamlNode(file, env, root, "");
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
            throw new ConfigException(file, line, "", "malformed YAML: " + describe(e), e);
        } catch (YamlEngineException e) {
            throw new ConfigException(file, 0, "", "malformed YAML: " + e.getMessage(), e);
        }
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        if (context.isEmpty()) {
            return problem;
        }
        return problem.isEmpty() ? context : problem + " (" + context + ")";
    }

    public Path file() {
        return file;
    }

    /** The key path from the root, e.g. {@code tenants[0].sources.shopify.type}; "" for the root. */
    public String path() {
        return path;
    }

    /** The 1-based line where this node starts, or 0 when unknown. */
    public int line() {
        return lineOf(node);
    }

    static int lineOf(Node node) {
        return node.getStartMark().map(Mark::getLine).map(line -> line + 1).orElse(0);
    }

    /** An exception pointing at this node. */
    public ConfigException error(String format, Object... args) {
        return new ConfigException(file, line(), path, String.format(Locale.ROOT, format, args));
    }

    ConfigException errorAt(int line, String keyPath, String format, Object... args) {
        return new ConfigException(file, line, keyPath, String.format(Locale.ROOT, format, args));
    }

    /** True for an explicit or implicit null ({@code key:}, {@code key: ~}, {@code key: null}). */
    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** This node as a mapping; a null value reads as an empty mapping. */
    public YamlMapping mapping() {
        if (isNull()) {
            return new YamlMapping(this, Map.of(), Map.of());
        }
        if (!(node instanceof MappingNode mappingNode)) {
            throw error("expected a mapping, found %s", kind());
        }
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            String key = keyOf(tuple.getKeyNode());
            int keyLine = lineOf(tuple.getKeyNode());
            if (keyLines.containsKey(key)) {
                throw errorAt(keyLine, childPath(key), "duplicate key '%s' (first at line %d)", key, keyLines.get(key));
            }
            keyLines.put(key, keyLine);
            values.put(key, new YamlNode(file, env, tuple.getValueNode(), childPath(key)));
        }
        return new YamlMapping(this, values, keyLines);
    }

    private String keyOf(Node keyNode) {
        if (keyNode instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        YamlNode key = new YamlNode(file, env, keyNode, path);
        throw key.error("expected a string key, found %s", key.kind());
    }

    /** A null node standing for the absent {@code key} of this mapping, so errors about it name the right path. */
    YamlNode absent(String key) {
        Node missing = new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, node.getStartMark(), node.getEndMark());
        return new YamlNode(file, env, missing, childPath(key));
    }

    /** This node's elements; a null value reads as an empty list. */
    public List<YamlNode> sequence() {
        if (isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequenceNode)) {
            throw error("expected a sequence, found %s", kind());
        }
        List<YamlNode> elements = new ArrayList<>();
        for (Node element : sequenceNode.getValue()) {
            elements.add(new YamlNode(file, env, element, path + "[" + elements.size() + "]"));
        }
        return elements;
    }

    /** This scalar as written, with {@code ${env:NAME}} replaced; an unset variable is an error. */
    public String string() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a string, found %s", kind());
        }
        Matcher matcher = ENV.matcher(scalar.getValue());
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = env.apply(matcher.group(1));
            if (value == null) {
                throw error("environment variable '%s' is not set", matcher.group(1));
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(resolved).toString();
    }

    /** This scalar as a boolean: {@code true} or {@code false}, in any case. */
    public boolean bool() {
        String value = string();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw error("expected true or false, found '%s'", value);
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a sequence";
        }
        return "a string";
    }
}
