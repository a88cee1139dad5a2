package io.cairn.core.sync;

/**
 * How a connector sync cuts raw files.
 *
 * @param checkpointsPerFile a raw file is closed and landed after this many checkpoints (about one per page), and
 *     at the end of the stream; smaller means less re-reading after a crash, larger means fewer, bigger loads
 */
public record SyncOptions(int checkpointsPerFile) {
    public static final SyncOptions DEFAULT = new SyncOptions(20);

    public SyncOptions {
        if (checkpointsPerFile < 1) {
            throw new IllegalArgumentException("checkpointsPerFile is below 1");
        }
    }
}
