package io.cairn.server.ops;

/** One dependency {@code /health} checks: returns when it is reachable, throws saying why when not. */
@FunctionalInterface
public interface ReadinessCheck {
    void check() throws Exception;
}
