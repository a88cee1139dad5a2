package io.cairn.core.model;

import java.util.Locale;

/** dbt-like console lines: one per node ({@code 1 of 5 OK created sql view model main.x .... [OK in 0.05s]}). */
public final class ResultFormatter {
    private static final int WIDTH = 80;

    private ResultFormatter() {}

    public static String line(int index, int total, NodeResult r) {
        String time = String.format(Locale.ROOT, "%.2fs", r.executionTime());
        String text;
        String tag;
        switch (r.status()) {
            case SUCCESS -> {
                text = r.resourceType().equals("seed") ? "OK loaded seed file " + r.relation()
                        : "OK created sql " + r.materialization() + " model " + r.relation();
                tag = "[" + r.message() + " in " + time + "]";
            }
            case ERROR -> {
                text = "ERROR " + verb(r) + " " + r.relation();
                tag = "[ERROR in " + time + "]";
            }
            case SKIPPED -> {
                text = "SKIP relation " + r.relation();
                tag = "[SKIP]";
            }
            case PASS -> {
                text = label(r, "PASS");
                tag = "[PASS in " + time + "]";
            }
            case WARN -> {
                text = label(r, "WARN" + failures(r));
                tag = "[WARN" + failures(r) + " in " + time + "]";
            }
            default -> {
                text = label(r, "FAIL" + failures(r));
                tag = "[FAIL" + failures(r) + " in " + time + "]";
            }
        }
        String head = index + " of " + total + " " + text + " ";
        return head + ".".repeat(Math.max(3, WIDTH - head.length() - tag.length() - 1)) + " " + tag;
    }

    private static String label(NodeResult r, String word) {
        return word + " " + (r.resourceType().equals("source") ? "freshness of " + r.relation() : r.name());
    }

    private static String failures(NodeResult r) {
        return r.failures() > 0 ? " " + r.failures() : "";
    }

    private static String verb(NodeResult r) {
        return switch (r.resourceType()) {
            case "seed" -> "loading seed file";
            case "test" -> "in test";
            case "source" -> "checking freshness of";
            default -> "creating sql " + r.materialization() + " model";
        };
    }

    /** Every line of a finished run, then the errors in full, then the summary. */
    public static String report(RunResult run) {
        StringBuilder out = new StringBuilder();
        int i = 1;
        for (NodeResult r : run.results()) {
            out.append(line(i++, run.results().size(), r)).append('\n');
        }
        for (NodeResult r : run.results()) {
            if (r.status().isFailure() || r.status() == NodeStatus.WARN) {
                out.append('\n').append(r.status().key().toUpperCase(Locale.ROOT)).append(" in ").append(r.name())
                        .append(": ").append(r.message()).append('\n');
            }
        }
        return out.append('\n').append(summary(run)).toString();
    }

    public static String summary(RunResult run) {
        long pass = run.count(NodeStatus.SUCCESS) + run.count(NodeStatus.PASS);
        long error = run.count(NodeStatus.ERROR) + run.count(NodeStatus.FAIL);
        return String.format(Locale.ROOT, "Finished running %d nodes in %.2fs.%nDone. PASS=%d WARN=%d ERROR=%d SKIP=%d "
                + "TOTAL=%d", run.results().size(), run.elapsedSeconds(), pass, run.count(NodeStatus.WARN), error,
                run.count(NodeStatus.SKIPPED), run.results().size());
    }
}
