package io.cairn.datagen.engine;

/** What happens to one base record besides being written once. The kinds exclude each other. */
public enum DefectKind {
    NONE,
    /** The same line again, later in the same file. */
    DUPLICATE_SAME_FILE,
    /** The same line again, in a later file. */
    DUPLICATE_LATER_FILE,
    /** A changed version with a later change time, in a later file. */
    UPDATE,
    /** The only version is written in a later file than the one covering its creation day. */
    LATE,
    /** An extra truncated (JSONL) or over-long (CSV) copy of the line. */
    MALFORMED,
    /** An extra copy of the record without its id. */
    MISSING_ID
}
