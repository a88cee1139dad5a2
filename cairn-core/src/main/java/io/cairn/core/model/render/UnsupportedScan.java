package io.cairn.core.model.render;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Refuses Jinja that needs a live warehouse or dbt internals at compile time, so it fails naming the construct
 * instead of rendering into wrong SQL.
 */
final class UnsupportedScan {
    private record Rule(Pattern pattern, String construct) {}

    private static final Pattern COMMENT = Pattern.compile("\\{#.*?#\\}", Pattern.DOTALL);
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\brun_query\\s*\\("), "run_query()"),
            new Rule(Pattern.compile("\\badapter\\s*\\.\\s*\\w+"), "adapter.*"),
            new Rule(Pattern.compile("\\{%-?\\s*call\\s+statement\\b"), "statement block"),
            new Rule(Pattern.compile("\\bload_result\\s*\\("), "load_result()"),
            new Rule(Pattern.compile("\\{%-?\\s*(materialization|snapshot)\\b"), "custom materialization/snapshot"),
            new Rule(Pattern.compile("\\bdbt_utils\\s*\\.\\s*\\w+"), "package macro dbt_utils.*"),
            new Rule(Pattern.compile("\\bgraph\\s*\\.\\s*nodes\\b"), "graph.nodes"));
    /** Words every rule needs; a text without any of them (almost every model) skips the regex scans. */
    private static final List<String> KEYWORDS = List.of("run_query", "adapter", "statement", "load_result",
            "materialization", "snapshot", "dbt_utils", "graph");

    private UnsupportedScan() {}

    static void check(String text, String label, String path) {
        if (!mentionsKeyword(text)) {
            return;
        }
        String code = blankComments(text);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(code);
            if (m.find()) {
                throw new CairnException(ErrorCode.UNSUPPORTED,
                        "Cannot render %s: %s line %d uses %s ('%s'), which Cairn does not support", label, path,
                        lineOf(code, m.start()), rule.construct, m.group().trim());
            }
        }
    }

    private static boolean mentionsKeyword(String text) {
        for (String keyword : KEYWORDS) {
            if (text.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static String blankComments(String text) {
        Matcher m = COMMENT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
