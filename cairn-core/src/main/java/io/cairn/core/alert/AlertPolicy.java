package io.cairn.core.alert;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * When to alert.
 *
 * @param consecutiveFailures failed runs in a row before a tenant's channel hears about it (a single transient blip
 *        pages nobody)
 * @param platformShare the platform on-call is paged when more than this share of a run's tenants failed
 * @param platformTenants ... or when more than this many tenants failed
 */
public record AlertPolicy(int consecutiveFailures, double platformShare, int platformTenants) {
    public static final AlertPolicy DEFAULT = new AlertPolicy(2, 0.25, 50);

    public AlertPolicy {
        if (consecutiveFailures < 1) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot use alert policy: consecutive failures %d is below 1",
                    consecutiveFailures);
        }
        if (!(platformShare > 0 && platformShare <= 1)) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot use alert policy: platform share %s is not in (0, 1]",
                    platformShare);
        }
        if (platformTenants < 1) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot use alert policy: platform tenants %d is below 1",
                    platformTenants);
        }
    }

    /** True when {@code failing} of {@code total} tenants failing at once is a platform problem. */
    public boolean widespread(int failing, int total) {
        return failing > platformTenants || total > 0 && (double) failing / total > platformShare;
    }
}
