package io.cairn.core.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It was allowed and done. */
    OK,
    /** It was refused: not authenticated, not authorised, another tenant's data. */
    DENIED,
    /** It was allowed but failed. */
    FAILED
}
