package io.cairn.core.metrics;

import io.cairn.core.orchestrate.TaskListener;
import io.cairn.core.orchestrate.TaskRunRecord;

import static java.util.Objects.requireNonNull;

/** Records every finished task of a pipeline run in {@link CairnMetrics}; pass it to {@code PipelineExecutor.run}. */
public final class MetricsTaskListener implements TaskListener {
    private final CairnMetrics metrics;
    private final TaskListener next;

    public MetricsTaskListener(CairnMetrics metrics) {
        this(metrics, TaskListener.NONE);
    }

    /** Records each task, then tells {@code next} about it. */
    public MetricsTaskListener(CairnMetrics metrics, TaskListener next) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.next = requireNonNull(next, "next is null");
    }

    @Override
    public void finished(TaskRunRecord task) {
        metrics.recordTask(task);
        next.finished(task);
    }
}
