package io.cairn.core.orchestrate;

import io.cairn.core.config.ConfigException;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.source.SourceException;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsTest {
    @Test
    void networkThrottlingAndServerErrorsAreTransient() {
        assertThat(Faults.isTransient(new SourceException(SourceException.Kind.TRANSIENT, 429, null, "throttled")))
                .isTrue();
        assertThat(Faults.isTransient(new CairnException(ErrorCode.IO, new SocketTimeoutException("read timed out"),
                "Cannot read orders: read timed out"))).isTrue();
        assertThat(Faults.isTransient(new Faults.TransientFault("Cannot reach the API: 502"))).isTrue();
    }

    @Test
    void badConfigRefusedCredentialsAndBugsArePermanent() {
        assertThat(Faults.isTransient(new ConfigException(Path.of("tenants.yml"), 3, "shop_url", "missing")))
                .isFalse();
        assertThat(Faults.isTransient(new SourceException(SourceException.Kind.NEEDS_REAUTHORISATION, 401, null,
                "refused"))).isFalse();
        assertThat(Faults.isTransient(SourceException.permanent("Cannot parse the response"))).isFalse();
        assertThat(Faults.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
