package io.cairn.core.model.render;

/** Turns {@code ref}/{@code source} calls into relations; parsing uses placeholders, compiling real ones. */
public interface RefResolver {
    Relation resolve(RefCall call, RenderSession session);
}
