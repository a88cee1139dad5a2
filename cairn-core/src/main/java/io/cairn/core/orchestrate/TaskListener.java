package io.cairn.core.orchestrate;

/** Told about each task as it ends; called from several threads at once. */
@FunctionalInterface
public interface TaskListener {
    TaskListener NONE = task -> { };

    void finished(TaskRunRecord task);
}
