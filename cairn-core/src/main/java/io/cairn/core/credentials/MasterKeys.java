package io.cairn.core.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import static java.util.Objects.requireNonNull;

/**
 * The master keys a deployment can decrypt with, and the current one it encrypts with. Taken from the environment
 * ({@code CAIRN_MASTER_KEY}, base64 of 32 bytes, plus {@code CAIRN_MASTER_KEY_PREVIOUS}, comma-separated older
 * keys still to be rotated away), or else from a key file created with owner-only permissions on first use. Keys
 * load lazily: a project without secrets never creates a key file.
 *
 * <p>Rotation with a key file: a new key is written to {@code master.key.next} first, every secret is re-sealed
 * with it in one transaction, then the file replaces {@code master.key}. A crash between the steps loses nothing:
 * both files are read, and a half-done rotation is finished with the same next key.
 */
public final class MasterKeys {
    public static final String ENV = "CAIRN_MASTER_KEY";
    public static final String ENV_PREVIOUS = "CAIRN_MASTER_KEY_PREVIOUS";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);

    private final Function<String, String> env;
    private final Path keyFile;
    private final MasterKey fixed;
    private final List<MasterKey> fixedOlder;
    private MasterKey current;
    private final Map<String, MasterKey> all = new LinkedHashMap<>();

    private MasterKeys(Function<String, String> env, Path keyFile, MasterKey fixed, List<MasterKey> fixedOlder) {
        this.env = env;
        this.keyFile = keyFile;
        this.fixed = fixed;
        this.fixedOlder = fixedOlder;
    }

    /** Fixed keys: {@code current} seals, all of them open; for tests and embedding. */
    public static MasterKeys of(MasterKey current, MasterKey... older) {
        return new MasterKeys(name -> null, null, requireNonNull(current, "current is null"), List.of(older));
    }

    /** The environment's keys, else the key file {@code keyFile} (created on first use). */
    public static MasterKeys forProject(Path keyFile, Function<String, String> env) {
        return new MasterKeys(requireNonNull(env, "env is null"), requireNonNull(keyFile, "keyFile is null"), null,
                List.of());
    }

    /** The environment's keys only; using them fails, naming the variable, when it is not set. */
    public static MasterKeys fromEnvironment(Function<String, String> env) {
        return new MasterKeys(requireNonNull(env, "env is null"), null, null, List.of());
    }

    /** A new random key. */
    public static MasterKey generate() {
        byte[] bytes = new byte[MasterKey.BYTES];
        new SecureRandom().nextBytes(bytes);
        return MasterKey.of(bytes);
    }

    /** The key new secrets are sealed with. */
    public synchronized MasterKey current() {
        load();
        return current;
    }

    /** The key with this id, if configured. */
    public synchronized Optional<MasterKey> find(String id) {
        load();
        return Optional.ofNullable(all.get(id));
    }

    public synchronized List<String> ids() {
        load();
        return List.copyOf(all.keySet());
    }

    /** True when the keys come from {@code CAIRN_MASTER_KEY} rather than a key file. */
    public boolean fromEnvironment() {
        return fixed == null && present(env.apply(ENV));
    }

    /**
     * The key a rotation re-seals every secret with: with a key file, a new key written to {@code master.key.next}
     * (or the one a crashed rotation left there); otherwise the current key, so secrets sealed with a previous key
     * move to it.
     */
    public synchronized MasterKey rotationTarget() {
        load();
        if (fixed != null || fromEnvironment() || keyFile == null) {
            return current;
        }
        Path next = nextFile();
        if (!Files.exists(next)) {
            writeKeyFile(next, generate());
        }
        MasterKey target = readKeyFile(next);
        all.put(target.id(), target);
        return target;
    }

    /** Makes the rotation target current, once every secret is sealed with it. */
    public synchronized void finishRotation(MasterKey target) {
        if (fixed != null || fromEnvironment() || keyFile == null) {
            return;
        }
        try {
            Files.move(nextFile(), keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot replace the master key file %s: %s", keyFile,
                    e.getMessage());
        }
        current = target;
        LOG.info("Master key file {} now holds key {}", keyFile, target.id());
    }

    private void load() {
        if (current != null) {
            return;
        }
        List<MasterKey> keys = new ArrayList<>();
        if (fixed != null) {
            keys.add(fixed);
            keys.addAll(fixedOlder);
        }
        else if (fromEnvironment()) {
            keys.add(MasterKey.fromBase64(env.apply(ENV), "the environment variable " + ENV));
            String previous = env.apply(ENV_PREVIOUS);
            if (present(previous)) {
                for (String text : previous.split(",")) {
                    keys.add(MasterKey.fromBase64(text, "the environment variable " + ENV_PREVIOUS));
                }
            }
            if (keyFile != null && Files.exists(keyFile)) {
                keys.add(readKeyFile(keyFile));
            }
        }
        else if (keyFile == null) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot encrypt or decrypt credentials: the environment "
                    + "variable %s is not set (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)", ENV);
        }
        else {
            if (!Files.exists(keyFile)) {
                writeKeyFile(keyFile, generate());
                LOG.info("Created the master key file {} (no {} is set)", keyFile, ENV);
            }
            keys.add(readKeyFile(keyFile));
            if (Files.exists(nextFile())) {
                keys.add(readKeyFile(nextFile()));
            }
        }
        current = keys.get(0);
        keys.forEach(key -> all.putIfAbsent(key.id(), key));
    }

    private Path nextFile() {
        return keyFile.resolveSibling(keyFile.getFileName() + ".next");
    }

    private static MasterKey readKeyFile(Path file) {
        try {
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot read the master key file %s: %s", file,
                    e.getMessage());
        }
    }

    private static void writeKeyFile(Path file, MasterKey key) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            catch (UnsupportedOperationException e) {
                Files.createFile(temp);
            }
            Files.writeString(temp, key.toBase64() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot create the master key file %s: it appeared meanwhile",
                    file);
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot write the master key file %s: %s", file,
                    e.getMessage());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "MasterKeys[" + (fixed != null ? "fixed" : fromEnvironment() ? "env " + ENV : "file " + keyFile) + "]";
    }
}
