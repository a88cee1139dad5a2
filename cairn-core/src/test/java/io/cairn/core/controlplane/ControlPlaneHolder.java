package io.cairn.core.controlplane;

import io.cairn.core.config.ProjectConfig;

import java.nio.file.Path;

import static io.cairn.core.controlplane.ControlPlaneFixtures.ACME_TENANT;

/**
 * A second process for {@link H2ControlPlaneTest}: opens a project's default control plane, writes a tenant, says
 * {@code ready} and holds the control plane open until its standard input closes, as {@code cairn serve} does.
 */
public final class ControlPlaneHolder {
    private ControlPlaneHolder() {}

    public static void main(String[] args) throws Exception {
        try (ControlPlane controlPlane = ControlPlane.open(ProjectConfig.load(Path.of(args[0]), name -> null)
                .controlPlane())) {
            controlPlane.tenants().upsert(ACME_TENANT);
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held open until the test closes our input
            }
        }
    }
}
