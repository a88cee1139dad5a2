package io.cairn.core.orchestrate;

/**
 * Does the work of one processor type. The CLI plugs in the real sync and model engine, tests plug in fakes. A
 * processor runs on a worker thread that is interrupted when the step's timeout passes: long work should check
 * {@link Thread#interrupted()} or block in interruptible calls.
 */
@FunctionalInterface
public interface Processor {
    /**
     * Runs one attempt of one task; throws to fail it. Transient failures (see {@link Faults}) are retried as the
     * step allows.
     */
    TaskOutcome run(TaskContext task) throws Exception;
}
