package io.cairn.warehouse.postgres.tenancy;

import java.util.List;

/**
 * What one run of {@link RowLevelSecurity#apply} changed; a second run with nothing new reports nothing created.
 *
 * @param rolesCreated roles that did not exist
 * @param tablesSecured tables ({@code schema.name}) on which row-level security was enabled or forced
 * @param policiesCreated policies created, as {@code schema.table:policy}
 * @param readerGrants relations newly readable by tenant readers (always through their policy)
 * @param withheld relations in reader schemas that readers may not query, with the reason
 * @param foreignPolicies policies on secured tables that Cairn did not create; permissive ones widen what a
 *        reader sees, so they are reported (and logged) for an administrator to review
 * @param maskingViews masking views created or replaced (PII columns masked for readers without PII access), or
 *        dropped (with the reason)
 */
public record IsolationReport(
        List<String> rolesCreated,
        List<String> tablesSecured,
        List<String> policiesCreated,
        List<String> readerGrants,
        List<String> withheld,
        List<String> foreignPolicies,
        List<String> maskingViews) {
    public IsolationReport {
        rolesCreated = List.copyOf(rolesCreated);
        tablesSecured = List.copyOf(tablesSecured);
        policiesCreated = List.copyOf(policiesCreated);
        readerGrants = List.copyOf(readerGrants);
        withheld = List.copyOf(withheld);
        foreignPolicies = List.copyOf(foreignPolicies);
        maskingViews = List.copyOf(maskingViews);
    }

    /** Whether the run created roles, security, policies, grants or masking views. */
    public boolean changedAnything() {
        return !rolesCreated.isEmpty() || !tablesSecured.isEmpty() || !policiesCreated.isEmpty()
                || !readerGrants.isEmpty() || !maskingViews.isEmpty();
    }

    /** This run's changes followed by {@code other}'s (runs over several layouts). */
    public IsolationReport plus(IsolationReport other) {
        return new IsolationReport(concat(rolesCreated, other.rolesCreated), concat(tablesSecured, other.tablesSecured),
                concat(policiesCreated, other.policiesCreated), concat(readerGrants, other.readerGrants),
                concat(withheld, other.withheld), concat(foreignPolicies, other.foreignPolicies),
                concat(maskingViews, other.maskingViews));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
