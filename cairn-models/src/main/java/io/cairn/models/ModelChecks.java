package io.cairn.models;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;

/**
 * The checks the quality models computed in SQL ({@code ops.dq_check_results}: reconciliation, anomalies,
 * late-arriving records, schema drift), stamped with the run id and time.
 */
final class ModelChecks {
    static final String MODEL = "dq_check_results";

    private ModelChecks() {}

    /** The checks in {@code <opsSchema>.dq_check_results}, as the layout's build computed them. */
    static List<DqResult> rows(Warehouse warehouse, String opsSchema, String runId, Instant now) {
        String relation = opsSchema + "." + MODEL;
        List<DqResult> rows = new ArrayList<>();
        try {
            for (Map<String, Object> row : WarehouseRows.query(warehouse, "SELECT check_name, model, tenant_id, "
                    + "status, severity, observed_value, threshold, details FROM " + relation
                    + " ORDER BY tenant_id, check_name, model")) {
                rows.add(new DqResult(runId, now, (String) row.get("check_name"), (String) row.get("model"),
                        (String) row.get("tenant_id"), DqStatus.of((String) row.get("status")),
                        (String) row.get("severity"), (BigDecimal) row.get("observed_value"),
                        (BigDecimal) row.get("threshold"), (String) row.get("details")));
            }
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot read the model checks in %s: %s", relation,
                    e.getMessage());
        }
        return rows;
    }
}
