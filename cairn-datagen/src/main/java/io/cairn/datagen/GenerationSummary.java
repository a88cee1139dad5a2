package io.cairn.datagen;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a generation wrote.
 *
 * @param filesWritten data files plus truth files ({@code _SUCCESS} markers not counted)
 * @param recordsWritten data lines, array elements and CSV rows, defects included
 * @param bytesWritten bytes of data files plus truth files
 */
public record GenerationSummary(List<TenantProfile> tenants, long filesWritten, long recordsWritten,
                                long bytesWritten) {
    public GenerationSummary {
        tenants = List.copyOf(requireNonNull(tenants, "tenants is null"));
    }
}
