package io.cairn.core.audit;

import io.cairn.spi.TenantId;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One row of the audit log.
 *
 * @param id sortable id, assigned when recorded
 * @param at when
 * @param actor who: {@code cli:<user>}, {@code api:<key prefix>}, {@code scheduler}
 * @param action what, as {@code <object>.<verb>}: {@code tenant.onboard}, {@code access.grant}, {@code data.read}
 * @param tenant the tenant acted on; empty for a platform-wide action
 * @param target the object acted on (a path, a role, a mart); may be null
 * @param outcome how it ended
 * @param detail a short explanation; never secrets; may be null
 */
public record AuditEntry(String id, Instant at, String actor, String action, Optional<TenantId> tenant, String target,
                         AuditOutcome outcome, String detail) {
    public AuditEntry {
        requireNonNull(id, "id is null");
        requireNonNull(at, "at is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        requireNonNull(tenant, "tenant is null");
        requireNonNull(outcome, "outcome is null");
    }
}
