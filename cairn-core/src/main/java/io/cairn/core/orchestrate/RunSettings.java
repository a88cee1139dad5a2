package io.cairn.core.orchestrate;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How a node holds the runs it executes: every {@code heartbeat} it renews each run's lease to now + {@code lease}
 * and looks whether cancellation was requested; cleanup by other nodes closes a run only after its lease expired.
 *
 * @param node the holder name recorded with each run
 * @param onHeartbeat called at each heartbeat (e.g. to renew a run guard), on the heartbeat thread
 */
public record RunSettings(String node, Duration heartbeat, Duration lease, Runnable onHeartbeat) {
    public RunSettings {
        requireNonNull(node, "node is null");
        requireNonNull(heartbeat, "heartbeat is null");
        requireNonNull(lease, "lease is null");
        requireNonNull(onHeartbeat, "onHeartbeat is null");
        if (heartbeat.isNegative() || heartbeat.isZero() || lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot hold runs with heartbeat %s and lease %s: the "
                    + "lease must be at least two heartbeats", heartbeat, lease);
        }
    }

    /** This process ({@code host-pid}), a heartbeat every 5 s and a 2-minute lease. */
    public static RunSettings defaults() {
        return new RunSettings(defaultNode(), Duration.ofSeconds(5), Duration.ofMinutes(2), () -> { });
    }

    public RunSettings withOnHeartbeat(Runnable hook) {
        return new RunSettings(node, heartbeat, lease, hook);
    }

    /** {@code host-pid} of this process. */
    public static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
