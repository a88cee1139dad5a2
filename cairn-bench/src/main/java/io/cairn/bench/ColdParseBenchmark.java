package io.cairn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code cairn compile} costs: parse + compile of the generated project ({@link ModelParseBenchmark}) in
 * fresh JVMs, N per launcher setting, the settings taking turns so that a change in the machine's load hits them
 * alike. The settings are the JVM's defaults, an AppCDS archive of the classes a parse loads (created first by a
 * training run with {@code -XX:ArchiveClassesAtExit}), the C1 compiler only ({@code -XX:TieredStopAtLevel=1}),
 * and both. Each is reported as the median and the range of: parse + compile wall time, the process's CPU time
 * during it (JIT compiler threads included), the parsing thread's CPU time, and the whole JVM's wall time from
 * start to exit.
 *
 * <p>Usage: {@code ColdParseBenchmark [--models 2000] [--jvms 5] [--dir DIR]}
 */
public final class ColdParseBenchmark {
    private static final double TARGET_SECONDS = 2.0;

    private ColdParseBenchmark() {}

    public static void main(String[] args) throws Exception {
        String models = BenchSupport.option(args, "--models", "2000");
        int jvms = Integer.parseInt(BenchSupport.option(args, "--jvms", "5"));
        Path dir = Path.of(BenchSupport.option(args, "--dir", System.getProperty("java.io.tmpdir")
                + "/cairn-bench-parse"));
        Path archive = dir.resolve("parse-classes.jsa");
        Files.createDirectories(dir);
        Files.deleteIfExists(archive);
        List<String> child = List.of("--models", models, "--runs", "1", "--dir", dir.toString());
        System.out.printf(Locale.ROOT, "training run for the AppCDS archive %s (also writes the project)%n", archive);
        runChild(List.of("-XX:ArchiveClassesAtExit=" + archive), child);
        Map<String, List<String>> settings = new LinkedHashMap<>();
        settings.put("default JVM", List.of());
        settings.put("AppCDS", List.of("-XX:SharedArchiveFile=" + archive));
        settings.put("C1 only", List.of("-XX:TieredStopAtLevel=1"));
        settings.put("AppCDS + C1 only", List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1"));
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        settings.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        List<String> names = List.copyOf(settings.keySet());
        List<String> reused = new ArrayList<>(child);
        reused.add("--reuse");
        for (int round = 0; round < jvms; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                double[] r = runChild(settings.get(name), reused);
                results.get(name).add(r);
                System.out.printf(Locale.ROOT, "round %d, %-17s parse+compile %.2fs, process CPU %.2fs, parsing thread "
                        + "CPU %.2fs, JVM %.2fs; load average %.1f%n", round + 1, name + ":", r[0], r[1], r[3], r[2],
                        BenchSupport.loadAverage());
            }
        }
        System.out.printf(Locale.ROOT, "%n%d models, %d fresh JVMs per setting; median [min-max]%n", Integer.parseInt(
                models), jvms);
        System.out.printf(Locale.ROOT, "%-18s %-22s %-22s %-22s %-22s %s%n", "setting", "parse+compile s",
                "process CPU s", "parsing thread CPU s", "JVM start to exit s", "median / 2 s target");
        results.forEach((name, runs) -> System.out.printf(Locale.ROOT, "%-18s %-22s %-22s %-22s %-22s %.2f%n", name,
                spread(runs, 0), spread(runs, 1), spread(runs, 3), spread(runs, 2), median(runs, 0) / TARGET_SECONDS));
    }

    /**
     * Runs one benchmark JVM; returns parse+compile wall seconds, process CPU seconds, the JVM's wall seconds and the
     * parsing thread's CPU seconds.
     */
    private static double[] runChild(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx1g");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ModelParseBenchmark.class.getName());
        command.addAll(args);
        long start = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String result = null;
            StringBuilder output = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.append(line).append('\n');
                    result = line.startsWith("RESULT ") ? line : result;
                }
            }
            int exit = process.waitFor();
            double jvmSeconds = BenchSupport.seconds(start);
            if (exit != 0 || result == null) {
                throw new IllegalStateException("benchmark JVM " + command + " exited with " + exit + ":\n" + output);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (String pair : result.substring("RESULT ".length()).split(" ")) {
                String[] kv = pair.split("=");
                values.put(kv[0], Double.parseDouble(kv[1]));
            }
            return new double[] {values.get("load") + values.get("compile"), values.get("process_cpu"), jvmSeconds,
                    values.get("thread_cpu")};
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double median(List<double[]> runs, int column) {
        return BenchSupport.median(runs.stream().map(r -> r[column]).toList());
    }

    private static String spread(List<double[]> runs, int column) {
        List<Double> values = runs.stream().map(r -> r[column]).sorted().toList();
        return String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", median(runs, column), values.get(0),
                values.get(values.size() - 1));
    }
}
