package io.cairn.core.model.compile;

import java.util.List;

import io.cairn.core.model.render.RefCall;

/**
 * A parse-time render that compiling can use instead of rendering again (see {@code RenderSession.reusable()}).
 *
 * @param sql the rendered SQL, refs resolved to their real relations
 * @param calls the ref and source calls of the render, in order (the ephemeral models among them become CTEs)
 * @param askedIncremental whether the template called {@code is_incremental()} (answered false)
 */
record ParsedSql(String sql, List<RefCall> calls, boolean askedIncremental) {
    ParsedSql {
        calls = List.copyOf(calls);
    }

    /** Whether this render is what compiling with {@code is_incremental()} answering {@code incremental} gives. */
    boolean validFor(boolean incremental) {
        return !incremental || !askedIncremental;
    }
}
