package io.cairn.warehouse.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private, throw-away cluster of an installed PostgreSQL (Debian layout, {@code /usr/lib/postgresql/<major>/bin}),
 * for what the embedded server's version (14) cannot show, such as {@code security_invoker} views (15+). The server
 * refuses to run as root, so when the tests run as root it runs as the {@code postgres} user. Tests using it are
 * skipped where no such installation exists.
 */
final class SystemPostgres implements AutoCloseable {
    private final Path bin;
    private final Path data;
    private final int port;

    private SystemPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The installation of the given major version, if it exists and can be started here. */
    static boolean available(int major) {
        Path bin = Path.of("/usr/lib/postgresql/" + major + "/bin");
        return Files.isExecutable(bin.resolve("initdb")) && (!isRoot() || Files.isExecutable(Path.of("/usr/sbin/runuser"))
                || Files.isExecutable(Path.of("/sbin/runuser")));
    }

    static SystemPostgres start(int major) throws IOException, InterruptedException {
        Path bin = Path.of("/usr/lib/postgresql/" + major + "/bin");
        Path data = Files.createTempDirectory(Path.of("/tmp"), "cairn-pg" + major + "-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", data.toString()));
        }
        SystemPostgres server = new SystemPostgres(bin, data, port);
        server.asOwner(bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-A", "trust",
                "-U", "postgres", "--no-sync");
        server.asOwner(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-l",
                data.resolve("log").toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1",
                "start");
        return server;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-m", "fast", "stop");
        run(List.of("rm", "-rf", data.toString()));
    }

    private void asOwner(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("Command failed: " + command + "\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
