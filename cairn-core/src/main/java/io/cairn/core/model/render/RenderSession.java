package io.cairn.core.model.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.spi.CairnException;

/** The state of rendering one file: what it is, how refs resolve, and what the render collected. */
public final class RenderSession {
    private final String label;
    private final String path;
    private final RefResolver resolver;
    private final boolean incremental;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final List<RefCall> calls = new ArrayList<>();
    private CairnException failure;
    private boolean placeholder;
    private boolean askedIncremental;
    private boolean readThisOrExecute;

    /**
     * @param label what is rendered, for messages (e.g. {@code model stg_orders})
     * @param path the file, relative to the project
     * @param resolver how refs resolve
     * @param incremental what {@code is_incremental()} answers
     */
    public RenderSession(String label, String path, RefResolver resolver, boolean incremental) {
        this.label = label;
        this.path = path;
        this.resolver = resolver;
        this.incremental = incremental;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    public boolean incremental() {
        return incremental;
    }

    public Map<String, Object> config() {
        return config;
    }

    public List<RefCall> calls() {
        return calls;
    }

    Relation resolve(RefCall call) {
        calls.add(call);
        return resolver.resolve(call, this);
    }

    /** The resolver gave a ref a placeholder because its relation is not known yet. */
    public void markPlaceholder() {
        placeholder = true;
    }

    void noteIncrementalAsked() {
        askedIncremental = true;
    }

    void noteThisOrExecuteRead() {
        readThisOrExecute = true;
    }

    /**
     * Whether a later render of the same text, with the same relations for its refs, would give the same output
     * whatever {@code this} and {@code execute} are bound to and, unless {@link #askedIncremental()}, whatever
     * {@code is_incremental()} answers: no ref got a placeholder and the template never read {@code this} or
     * {@code execute}.
     */
    public boolean reusable() {
        return !placeholder && !readThisOrExecute && failure == null;
    }

    /** Whether the template called {@code is_incremental()}. */
    public boolean askedIncremental() {
        return askedIncremental;
    }

    /** Remembers the first error raised inside a template function; rendering rethrows it. */
    void fail(CairnException e) {
        if (failure == null) {
            failure = e;
        }
    }

    CairnException failure() {
        return failure;
    }
}
