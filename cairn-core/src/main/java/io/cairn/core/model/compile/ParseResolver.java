package io.cairn.core.model.compile;

import io.cairn.core.model.render.RefCall;
import io.cairn.core.model.render.Relation;
import io.cairn.core.model.render.RefResolver;
import io.cairn.core.model.render.RenderSession;

/** Parsing renders before relations are known: every ref renders as a placeholder and is only recorded. */
final class ParseResolver implements RefResolver {
    static final ParseResolver INSTANCE = new ParseResolver();

    @Override
    public Relation resolve(RefCall call, RenderSession session) {
        return Relation.cte("__cairn_ref__" + call.second());
    }
}
