package io.cairn.core.model.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.cairn.core.model.graph.Node;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.model.project.NodeConfig;
import io.cairn.core.model.project.Project;
import io.cairn.core.model.project.SqlFile;
import io.cairn.core.model.project.TestSpec;
import io.cairn.core.model.render.RefCall;
import io.cairn.core.model.render.RefResolver;
import io.cairn.core.model.render.RenderSession;
import io.cairn.core.model.render.Renderer;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Turns declared generic tests and singular test files into test nodes. A generic test's raw code is a generated
 * template calling its {@code test_<name>} macro, so compiling every test is just rendering it.
 */
final class TestNodes {
    private static final Pattern REF_EXPRESSION = Pattern.compile("^\\s*(ref|source)\\s*\\(.*\\)\\s*$");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9_]+");
    private static final Pattern TRAILING_UNDERSCORES = Pattern.compile("_+$");

    record Parsed(Node node, List<RefCall> calls, String sql, RenderSession session) {}

    private final Project project;
    private final Renderer renderer;
    private final RefResolver resolver;
    private final String auditSchema;
    private final Set<String> names = new HashSet<>();

    TestNodes(Project project, Renderer renderer, RefResolver resolver, String auditSchema) {
        this.project = project;
        this.renderer = renderer;
        this.resolver = resolver;
        this.auditSchema = auditSchema;
    }

    /** A test whose name and template are settled, not yet rendered. */
    private record Pending(String name, String path, String template, NodeConfig config, TestSpec spec,
            String tested) {}

    /**
     * Every test of the project, in declaration order. Names are given in that order; the renders, independent of
     * each other, run on the common fork-join pool; the first error in declaration order is the one thrown.
     */
    List<Parsed> all(Map<String, Node> nodes) {
        List<Pending> pending = new ArrayList<>();
        RuntimeException stop = null;
        try {
            declared(nodes, pending);
        }
        catch (RuntimeException e) {
            stop = e;
        }
        List<Object> rendered = (pending.size() > 1 ? pending.parallelStream() : pending.stream())
                .map(this::parseOrError).toList();
        List<Parsed> out = new ArrayList<>(rendered.size());
        for (Object result : rendered) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            out.add((Parsed) result);
        }
        if (stop != null) {
            throw stop;
        }
        return out;
    }

    private void declared(Map<String, Node> nodes, List<Pending> pending) {
        for (Node node : List.copyOf(nodes.values())) {
            List<TestSpec> specs = switch (node.type()) {
                case MODEL -> props(project.modelProperties().get(node.name()));
                case SEED -> props(project.seedProperties().get(node.name()));
                case SOURCE -> node.source().tests();
                case TEST -> List.of();
            };
            for (TestSpec spec : specs) {
                pending.add(generic(node, spec));
            }
        }
        for (SqlFile file : project.singularTests()) {
            pending.add(singular(file));
        }
    }

    private Object parseOrError(Pending test) {
        try {
            return parse(test);
        }
        catch (RuntimeException e) {
            return e;
        }
    }

    private static List<TestSpec> props(io.cairn.core.model.project.ResourceProperties props) {
        return props == null ? List.of() : props.tests();
    }

    private Pending generic(Node tested, TestSpec spec) {
        if (!renderer.hasMacro("test_" + spec.testName())) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot parse test %s on %s %s in %s: no generic test named "
                    + "'%s' is defined ({%% test %s(model, column_name) %%} in macros/ or tests/generic/)",
                    spec.testName(), tested.type().key(), tested.name(), spec.file(), spec.testName(),
                    spec.testName());
        }
        String name = unique(testName(tested, spec));
        NodeConfig config = new NodeConfig(project.config().folderConfig(project.config().tests(), List.of()))
                .with(spec.config());
        String template = template(tested, spec, config);
        return new Pending(name, spec.file(), template, config, spec, tested.uniqueId());
    }

    private Pending singular(SqlFile file) {
        NodeConfig config = new NodeConfig(project.config().folderConfig(project.config().tests(), file.folders()));
        return new Pending(unique(file.name()), file.path(), file.text(), config, null, null);
    }

    private Parsed parse(Pending test) {
        RenderSession session = new RenderSession("test " + test.name(), test.path(), resolver, false);
        String sql = renderer.render(test.template(), session, Map.of("execute", false));
        NodeConfig effective = test.config().with(session.config());
        List<String> fqn = List.of(project.name(), test.name());
        Node node = new Node("test." + project.name() + "." + test.name(), ResourceType.TEST, test.name(),
                test.path(), fqn, test.template(), effective, List.of(), Map.of(), auditSchema, test.name(),
                test.spec(), test.tested(), null);
        return new Parsed(node, session.calls(), sql, session);
    }

    private static String template(Node tested, TestSpec spec, NodeConfig config) {
        String model = tested.type() == ResourceType.SOURCE
                ? "source(" + JinjaLiteral.of(tested.source().sourceName()) + ", " + JinjaLiteral.of(tested.name()) + ")"
                : "ref(" + JinjaLiteral.of(tested.name()) + ")";
        StringBuilder out = new StringBuilder();
        if (config.where().isPresent()) {
            out.append("{% set __cairn_model %}(select * from {{ ").append(model).append(" }} where ")
                    .append(config.where().get()).append(") dbt_subquery{% endset %}");
            model = "__cairn_model";
        }
        out.append("{{ test_").append(spec.testName()).append("(model=").append(model);
        if (spec.column() != null) {
            out.append(", column_name=").append(JinjaLiteral.of(spec.column()));
        }
        spec.args().forEach((key, value) -> out.append(", ").append(key).append('=').append(
                value instanceof String s && REF_EXPRESSION.matcher(s).matches() ? s : JinjaLiteral.of(value)));
        return out.append(") }}").toString();
    }

    private static String testName(Node tested, TestSpec spec) {
        if (spec.config().get("name") != null) {
            return String.valueOf(spec.config().get("name"));
        }
        StringBuilder name = new StringBuilder(spec.testName()).append('_');
        if (tested.type() == ResourceType.SOURCE) {
            name.append("source_").append(tested.source().sourceName()).append('_');
        }
        name.append(tested.name());
        if (spec.column() != null) {
            name.append('_').append(spec.column());
        }
        spec.args().values().forEach(value -> name.append("__").append(value instanceof List<?> list
                ? String.join("_", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
        String clean = TRAILING_UNDERSCORES.matcher(NOT_NAME.matcher(name).replaceAll("_")).replaceAll("");
        return clean.length() <= 80 ? clean : clean.substring(0, 60) + "_" + hash(clean);
    }

    private String unique(String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
