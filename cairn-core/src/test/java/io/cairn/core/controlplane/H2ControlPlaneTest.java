package io.cairn.core.controlplane;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.config.ProjectConfig;
import io.cairn.core.credentials.MasterKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.cairn.core.controlplane.ControlPlaneFixtures.ACME_TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/** The control-plane contract on an embedded H2 file, the default. */
class H2ControlPlaneTest extends ControlPlaneContractTest {
    @TempDir
    Path dir;

    @Override
    protected ControlPlaneSettings newDatabase() {
        return ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control"));
    }

    @Test
    void defaultProjectSettingsCreateTheDatabaseUnderDotCairn(@TempDir Path project) {
        ControlPlaneSettings defaults = ProjectConfig.load(project, name -> null).controlPlane();

        try (ControlPlane fresh = ControlPlane.open(defaults)) {
            fresh.tenants().upsert(ACME_TENANT);
            assertThat(fresh.tenants().list()).containsExactly(ACME_TENANT);
        }
        assertThat(Files.exists(project.resolve(".cairn/control.mv.db"))).isTrue();
    }

    @Test
    void anotherProcessHoldingTheDefaultControlPlaneDoesNotLockOthersOut(@TempDir Path project) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ControlPlaneHolder.class.getName(), project.toString())
                .redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                // start-up logging of the holder
            }
            assertThat(line).as("the holder process opened the control plane").isEqualTo("ready");
            try (ControlPlane second = ControlPlane.open(ProjectConfig.load(project, name -> null).controlPlane())) {
                assertThat(second.tenants().list()).containsExactly(ACME_TENANT);
                second.tenants().upsert(ControlPlaneFixtures.BETA_TENANT);
                assertThat(second.tenants().list()).hasSize(2);
            }
        }
        finally {
            holder.getOutputStream().close();
            holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
    }

    @Test
    void rotationWithAKeyFileReplacesTheKeyAndKeepsEverySecret() throws Exception {
        Path keyFile = dir.resolve(".cairn/master.key");
        ControlPlaneSettings database = ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("rotating"));
        try (ControlPlane first = ControlPlane.open(database, MasterKeys.forProject(keyFile, name -> null))) {
            first.tenants().upsert(ACME_TENANT);
            first.sources().upsert(ControlPlaneFixtures.SHOPIFY);
        }
        String before = Files.readString(keyFile);

        try (ControlPlane rotating = ControlPlane.open(database, MasterKeys.forProject(keyFile, name -> null))) {
            assertThat(rotating.rotateMasterKey()).isEqualTo(1);
        }

        assertThat(Files.readString(keyFile)).isNotEqualTo(before);
        try (ControlPlane after = ControlPlane.open(database, MasterKeys.forProject(keyFile, name -> null))) {
            assertThat(after.credentials().get(ControlPlaneFixtures.ACME, "shopify", "option.access_token"))
                    .contains("shpat_1");
        }
    }
}
