package io.cairn.core.tenancy;

import java.util.Map;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.spi.TenantId;

/**
 * What {@link TenantMove#move} did.
 *
 * @param copied the tenant's raw rows copied into the new layout, per source table (empty when the tenant was
 *         already in the target tenancy)
 * @param verifiedMarts the tenant's rows per mart of the new layout, each equal row by row to the old one
 * @param removed the old copy deleted after the tenancy flipped
 * @param alreadyThere true when the control plane already had the target tenancy: only a leftover old copy
 *         (from a move interrupted after its flip) was removed
 */
public record MoveReport(TenantId tenant, Tenancy from, Tenancy to, Map<TableRef, Long> copied,
        Map<TableRef, Long> verifiedMarts, LayoutRemoval removed, boolean alreadyThere) {
    public MoveReport {
        copied = Ordered.copy(copied);
        verifiedMarts = Ordered.copy(verifiedMarts);
    }

    public long copiedRows() {
        return copied.values().stream().mapToLong(Long::longValue).sum();
    }
}
