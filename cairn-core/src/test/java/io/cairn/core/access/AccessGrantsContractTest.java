package io.cairn.core.access;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** The access-grant store on each control-plane database; subclasses give a fresh database. */
abstract class AccessGrantsContractTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId BETA = TenantId.of("beta");

    private ControlPlane controlPlane;

    protected abstract ControlPlaneSettings newDatabase() throws SQLException;

    @BeforeEach
    void open() throws SQLException {
        controlPlane = ControlPlane.open(newDatabase());
    }

    @AfterEach
    void close() {
        controlPlane.close();
    }

    @Test
    void aGrantIsInForceUntilRevoked() {
        AccessGrants access = controlPlane.access();
        AccessGrant granted = access.grant(ACME, "cairn_reader_acme", false, "cli:ops");

        assertThat(access.list(ACME, false)).containsExactly(granted);
        AccessGrant revoked = access.revoke(ACME, "cli:lead").orElseThrow();

        assertThat(revoked.active()).isFalse();
        assertThat(revoked.revokedBy()).contains("cli:lead");
        assertThat(revoked.id()).isEqualTo(granted.id());
        assertThat(access.list(ACME, false)).as("nothing in force").isEmpty();
        assertThat(access.list(ACME, true)).containsExactly(revoked);
        assertThat(access.revoke(ACME, "cli:lead")).as("a second revoke finds nothing").isEmpty();
    }

    @Test
    void aNewGrantClosesThePreviousOneAndTenantsStayApart() {
        AccessGrants access = controlPlane.access();
        AccessGrant first = access.grant(ACME, "cairn_reader_acme", false, "cli:ops");
        AccessGrant beta = access.grant(BETA, "cairn_reader_beta", false, "cli:ops");
        AccessGrant second = access.grant(ACME, "cairn_reader_acme", true, "cli:lead");

        assertThat(access.list(null, false)).containsExactly(second, beta);
        List<AccessGrant> history = access.list(ACME, true);
        assertThat(history).extracting(AccessGrant::id).containsExactly(second.id(), first.id());
        assertThat(history.get(1).revokedBy()).as("replaced by the new grant").contains("cli:lead");
        assertThat(history.get(0).pii()).isTrue();
    }
}
