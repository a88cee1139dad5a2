package io.cairn.core.orchestrate;

/**
 * What a successful task reports.
 *
 * @param rowsRead null when the processor does not count rows
 * @param rowsLanded null when the processor does not count rows
 */
public record TaskOutcome(Long rowsRead, Long rowsLanded) {
    public static final TaskOutcome NONE = new TaskOutcome(null, null);

    public static TaskOutcome rows(long read, long landed) {
        return new TaskOutcome(read, landed);
    }
}
