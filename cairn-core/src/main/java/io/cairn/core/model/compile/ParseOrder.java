package io.cairn.core.model.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.core.model.project.SqlFile;

/**
 * The order to parse models in: parents before children as far as the text shows ({@code ref('name')} with literal
 * names), so that a model's refs mostly resolve to relations already known and its parse-time render can be reused
 * as its compiled SQL. Only an optimisation: refs the text hides (names built in macros) and cycles just fall back
 * to rendering again at compile time. Otherwise the file order is kept.
 */
final class ParseOrder {
    private ParseOrder() {}

    static List<SqlFile> of(List<SqlFile> models) {
        Map<String, SqlFile> byName = new HashMap<>();
        models.forEach(file -> byName.putIfAbsent(file.name(), file));
        List<SqlFile> out = new ArrayList<>(models.size());
        Set<SqlFile> done = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<SqlFile> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SqlFile root : models) {
            visit(root, byName, done, visiting, out);
        }
        return out;
    }

    /** Depth-first, parents first, with an explicit stack so that long chains cannot overflow the thread's. */
    private static void visit(SqlFile root, Map<String, SqlFile> byName, Set<SqlFile> done, Set<SqlFile> visiting,
            List<SqlFile> out) {
        Deque<SqlFile> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            SqlFile file = stack.peek();
            if (done.contains(file)) {
                stack.pop();
                continue;
            }
            boolean waiting = false;
            if (visiting.add(file)) {
                List<SqlFile> parents = parents(file, byName);
                for (int i = parents.size() - 1; i >= 0; i--) {
                    SqlFile parent = parents.get(i);
                    if (!done.contains(parent) && !visiting.contains(parent)) {
                        stack.push(parent);
                        waiting = true;
                    }
                }
            }
            if (!waiting) {
                stack.pop();
                visiting.remove(file);
                done.add(file);
                out.add(file);
            }
        }
    }

    private static List<SqlFile> parents(SqlFile file, Map<String, SqlFile> byName) {
        List<SqlFile> parents = new ArrayList<>();
        String text = file.text();
        for (int at = text.indexOf("ref"); at >= 0; at = text.indexOf("ref", at + 3)) {
            SqlFile parent = at > 0 && Character.isJavaIdentifierPart(text.charAt(at - 1)) ? null
                    : byName.get(refName(text, at + 3));
            if (parent != null && parent != file) {
                parents.add(parent);
            }
        }
        return parents;
    }

    /** The model name of {@code ref('name')} or {@code ref('package', 'name')} after "ref" at {@code at}, or null. */
    static String refName(String text, int at) {
        int i = skipSpaces(text, at);
        if (i >= text.length() || text.charAt(i) != '(') {
            return null;
        }
        i = skipSpaces(text, i + 1);
        for (int argument = 0; argument < 2 && i < text.length(); argument++) {
            char quote = text.charAt(i);
            int end = quote == '\'' || quote == '"' ? text.indexOf(quote, i + 1) : -1;
            if (end < 0) {
                return null;
            }
            String name = text.substring(i + 1, end);
            i = skipSpaces(text, end + 1);
            if (i < text.length() && text.charAt(i) == ')') {
                return name;
            }
            if (i >= text.length() || text.charAt(i) != ',') {
                return null;
            }
            i = skipSpaces(text, i + 1);
        }
        return null;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
