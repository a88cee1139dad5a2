package io.cairn.models;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.cairn.core.controlplane.Tenant;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.NodeStatus;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.Selection;
import io.cairn.core.model.graph.ResourceType;
import io.cairn.core.tenancy.LayoutBuilder;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import static java.util.Objects.requireNonNull;

/**
 * Builds the bundled package (or any project using its vars) into one tenancy layout: the shared schemas, or a
 * dedicated tenant's {@code <tenant>_staging}, {@code <tenant>_intermediate}, {@code <tenant>_marts}, ...
 */
public final class LayoutBuild implements LayoutBuilder {
    private final Path project;
    private final EngineOptions engineOptions;
    private final RunOptions runOptions;

    public LayoutBuild(Path project, EngineOptions engineOptions, RunOptions runOptions) {
        this.project = requireNonNull(project, "project is null");
        this.engineOptions = requireNonNull(engineOptions, "engineOptions is null");
        this.runOptions = requireNonNull(runOptions, "runOptions is null");
    }

    /** Runs {@code build} over the layout and returns its result, whatever it is. */
    public RunResult run(TenantLayout layout, List<Tenant> directory, boolean fullRefresh) {
        ModelEngine engine = ModelEngine.load(project,
                PlatformInputs.forLayout(project, engineOptions, layout, directory));
        return engine.build(Selection.all(), runOptions.withFullRefresh(fullRefresh));
    }

    @Override
    public void build(TenantLayout layout, List<Tenant> directory, boolean fullRefresh) {
        RunResult result = run(layout, directory, fullRefresh);
        String failed = result.results().stream()
                .filter(r -> !ResourceType.TEST.key().equals(r.resourceType()))
                .filter(r -> r.status() == NodeStatus.ERROR || r.status() == NodeStatus.SKIPPED)
                .map(r -> r.name() + " (" + r.status().key() + ": " + r.message() + ")")
                .collect(Collectors.joining("; "));
        if (!failed.isEmpty()) {
            throw new CairnException(ErrorCode.WAREHOUSE, "Cannot build the models of the %s layout: %s", layout,
                    failed);
        }
    }
}
