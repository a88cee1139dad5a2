package io.cairn.core.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.spi.CairnException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MasterKeysTest {
    private static final String ADDRESS = "acme/books/refresh_token";

    @TempDir
    Path dir;

    @Test
    void keyFileIsCreatedOwnerOnlyOnFirstUseAndReused() throws Exception {
        Path file = dir.resolve(".cairn/master.key");
        MasterKeys keys = MasterKeys.forProject(file, Map.<String, String>of()::get);
        assertThat(file).as("nothing is created before a key is needed").doesNotExist();

        Sealed sealed = new SecretCipher(keys).seal(ADDRESS, "RT-1");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        MasterKeys reopened = MasterKeys.forProject(file, Map.<String, String>of()::get);
        assertThat(reopened.current().id()).isEqualTo(sealed.keyId());
        assertThat(new SecretCipher(reopened).open(ADDRESS, sealed)).isEqualTo("RT-1");
    }

    @Test
    void environmentKeyWinsOverTheFileAndPreviousKeysStillOpen() {
        MasterKey old = MasterKeys.generate();
        MasterKey current = MasterKeys.generate();
        Sealed sealedWithOld = SecretCipher.seal(old, ADDRESS, "RT-1");
        Map<String, String> env = Map.of(MasterKeys.ENV, base64(current), MasterKeys.ENV_PREVIOUS, base64(old));

        MasterKeys keys = MasterKeys.forProject(dir.resolve("master.key"), env::get);

        assertThat(keys.current().id()).isEqualTo(current.id());
        assertThat(keys.fromEnvironment()).isTrue();
        assertThat(new SecretCipher(keys).open(ADDRESS, sealedWithOld)).isEqualTo("RT-1");
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void badEnvironmentKeySaysWhatIsWrong() {
        MasterKeys keys = MasterKeys.forProject(dir.resolve("master.key"),
                Map.of(MasterKeys.ENV, Base64.getEncoder().encodeToString(new byte[16]))::get);

        CairnException error = catchThrowableOfType(CairnException.class, keys::current);

        assertThat(error.getMessage()).startsWith("Cannot use a master key of 16 bytes: it must be 32 bytes");
    }

    @Test
    void missingEnvironmentKeyWithoutKeyFileFailsNamingTheVariable() {
        CairnException error = catchThrowableOfType(CairnException.class,
                () -> MasterKeys.fromEnvironment(name -> null).current());

        assertThat(error.getMessage()).contains("CAIRN_MASTER_KEY is not set");
    }

    @Test
    void keyFileRotationSurvivesACrashBeforeTheFileIsReplaced() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKeys keys = MasterKeys.forProject(file, name -> null);
        MasterKey first = keys.current();

        MasterKey target = keys.rotationTarget();
        Sealed resealed = SecretCipher.seal(target, ADDRESS, "RT-1");
        // crash: the secrets were re-sealed with the target, but master.key was not replaced yet

        MasterKeys afterCrash = MasterKeys.forProject(file, name -> null);
        assertThat(afterCrash.current().id()).isEqualTo(first.id());
        assertThat(new SecretCipher(afterCrash).open(ADDRESS, resealed)).isEqualTo("RT-1");
        assertThat(afterCrash.rotationTarget().id()).as("the same target is reused").isEqualTo(target.id());
        afterCrash.finishRotation(target);

        MasterKeys done = MasterKeys.forProject(file, name -> null);
        assertThat(done.current().id()).isEqualTo(target.id()).isNotEqualTo(first.id());
        assertThat(dir.resolve("master.key.next")).doesNotExist();
    }

    @Test
    void keyIdAndToStringRevealNoKeyMaterial() {
        MasterKey key = MasterKeys.generate();

        assertThat(key.id()).hasSize(16).doesNotContain(base64(key));
        assertThat(key.toString()).isEqualTo("MasterKey[id=" + key.id() + "]");
    }

    private static String base64(MasterKey key) {
        return key.toBase64();
    }
}
