package io.cairn.datagen;

import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.engine.StreamRun;
import io.cairn.datagen.engine.StreamStats;
import io.cairn.datagen.truth.TruthWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Generates synthetic tenant data: every tenant's source files under an inbox folder, and one ground-truth
 * file per tenant. Output depends on the options only, so the same options give byte-identical files.
 */
public final class Generator {
    private static final Logger LOG = LoggerFactory.getLogger(Generator.class);
    private final GeneratorOptions options;

    public Generator(GeneratorOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    /** Writes every tenant's files under inboxDir and one truth file per tenant under truthDir. */
    public GenerationSummary generate(Path inboxDir, Path truthDir) {
        requireNonNull(inboxDir, "inboxDir is null");
        requireNonNull(truthDir, "truthDir is null");
        List<TenantProfile> profiles = new ArrayList<>();
        long files = 0;
        long records = 0;
        long bytes = 0;
        for (int t = 0; t < options.tenants(); t++) {
            TenantProfile profile = Tenants.profile(t);
            TenantContext ctx = TenantContext.create(profile, t, options.seed(), options.startDate(),
                    options.days(), Tenants.scale(t));
            for (RecordModel model : TenantStreams.of(ctx)) {
                Path dir = inboxDir.resolve(profile.id()).resolve(model.spec().source()).resolve(model.spec().stream());
                StreamStats stats = new StreamRun(model, ctx.period(), TenantStreams.planner(ctx, model), dir).run();
                ctx.truth().stream(model.spec(), stats);
                files += stats.files();
                records += stats.recordsWritten();
                bytes += stats.bytes();
            }
            bytes += TruthWriter.write(truthDir, ctx.truth(), ctx.period(), options.seed());
            files++;
            profiles.add(profile);
            LOG.info("Generated tenant {}: {} records so far", profile.id(), records);
        }
        return new GenerationSummary(profiles, files, records, bytes);
    }
}
