package io.cairn.warehouse.spark.raw;

import java.util.Map;

/**
 * Line numbers of staged rows without sorting them. A row's {@code ord} is Spark's
 * {@code monotonically_increasing_id()}: the partition (a split of the file, in file order) in the upper 31 bits and
 * the row's position within it in the lower 33. Counting the rows of each partition, which the load does anyway,
 * gives every partition's first line number.
 */
final class LineNumbers {
    /** SQL for a staged row's partition. */
    static final String PARTITION = "shiftright(ord, 33)";

    private final String expression;

    private LineNumbers(String expression) {
        this.expression = expression;
    }

    /**
     * @param rowsPerPartition the number of staged rows (records and blank lines) of each partition, in file order
     * @param headerLines the lines before the first row (a CSV header)
     */
    static LineNumbers of(Map<Long, Long> rowsPerPartition, long headerLines) {
        StringBuilder firstLines = new StringBuilder();
        long before = headerLines;
        for (Map.Entry<Long, Long> partition : rowsPerPartition.entrySet()) {
            firstLines.append(firstLines.length() == 0 ? "" : ", ").append(partition.getKey()).append("L, ")
                    .append(before + 1).append('L');
            before += partition.getValue();
        }
        if (rowsPerPartition.isEmpty()) {
            return new LineNumbers("CAST(NULL AS BIGINT)");
        }
        return new LineNumbers("ord - shiftleft(" + PARTITION + ", 33) + element_at(map(" + firstLines + "), "
                + PARTITION + ")");
    }

    /** SQL for the line number of a staged row. */
    String expression() {
        return expression;
    }
}
