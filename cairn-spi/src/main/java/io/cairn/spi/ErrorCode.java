package io.cairn.spi;

/** Stable error codes; the CLI maps them to exit codes and the API to HTTP statuses. */
public enum ErrorCode {
    /** A configuration file or option is wrong: the user must fix it. */
    CONFIG,
    /** A request is malformed or names something that does not exist. */
    BAD_INPUT,
    /** Something that was asked for does not exist. */
    NOT_FOUND,
    /** The warehouse failed an operation. */
    WAREHOUSE,
    /** The control plane failed an operation. */
    CONTROL_PLANE,
    /** Reading or writing a file failed. */
    IO,
    /** The operation is not supported by this implementation. */
    UNSUPPORTED,
    /** An internal invariant was broken: a bug. */
    INTERNAL
}
