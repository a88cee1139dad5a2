package io.cairn.datagen.engine;

import java.util.Map;

/** The final version of another stream's record, exactly as that stream writes it (refunds need their order). */
public final class FinalVersion {
    private FinalVersion() {
    }

    public static Map<String, Object> of(RecordModel model, DefectPlanner planner, Slot slot) {
        DefectPlan plan = planner.plan(slot);
        long time = plan.finalVersion() == 1 ? plan.time() : slot.time();
        Map<String, Object> record = model.render(slot, plan.finalVersion(), time);
        if (plan.unknownCurrency() != null) {
            Json.set(record, model.spec().currencyField(), plan.unknownCurrency());
        }
        return record;
    }
}
