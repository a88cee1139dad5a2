package io.cairn.core.model.render;

import java.util.Map;
import java.util.Set;

import com.hubspot.jinjava.interpret.Context;

/**
 * The context of one render, a child of the engine's global context. It tells the render's session when the
 * template reads {@code this} or {@code execute} (every lookup from inner scopes passes through here), so the
 * engine knows whether a parse-time render can stand for the compiled SQL. Jinjava records every expression, value and
 * function it resolves in the current context and in all its parents (bookkeeping for HubSpot's eager mode, which
 * Cairn does not use); stopping here keeps the shared global context from growing with every expression of every
 * render and from being mutated by concurrent renders.
 */
final class RenderContext extends Context {
    private final RenderSession session;

    /** {@code session} may be null (loading macro files). */
    RenderContext(Context global, Map<String, ?> bindings, Map<Library, Set<String>> disabled,
            RenderSession session) {
        super(global, bindings, disabled);
        this.session = session;
    }

    @Override
    public Object get(Object key) {
        if (session != null && ("this".equals(key) || "execute".equals(key))) {
            session.noteThisOrExecuteRead();
        }
        return super.get(key);
    }

    @Override
    public Set<String> keySet() {
        if (session != null) {
            session.noteThisOrExecuteRead();
        }
        return super.keySet();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        if (session != null) {
            session.noteThisOrExecuteRead();
        }
        return super.entrySet();
    }

    @Override
    public void addResolvedExpression(String expression) {
        // not propagated: see the class comment
    }

    @Override
    public void addResolvedValue(String value) {
        // not propagated: see the class comment
    }

    @Override
    public void addResolvedFunction(String function) {
        // not propagated: see the class comment
    }
}
