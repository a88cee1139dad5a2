package io.cairn.core.orchestrate;

import io.cairn.core.credentials.MasterKey;
import io.cairn.core.credentials.MasterKeys;

import java.time.Instant;

/** Constants shared by the orchestration tests. */
final class OrchestrateFixtures {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
    static final MasterKeys KEYS = MasterKeys.of(MasterKey.of(key()));

    private OrchestrateFixtures() {
    }

    private static byte[] key() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (7 * 31 + i);
        }
        return bytes;
    }
}
