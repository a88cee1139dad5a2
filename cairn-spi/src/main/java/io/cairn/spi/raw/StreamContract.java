package io.cairn.spi.raw;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What landing needs to know about a stream's records. Fields are dotted paths into the record
 * ({@code MetaData.LastUpdatedTime}); for CSV they are column names.
 *
 * @param idFields fields that together identify a record; their values are joined with {@code ':'}
 * @param updatedAtField the source's own change time, or null when the stream has none
 * @param deletedField a field whose value marks a tombstone, or null
 * @param deletedValues the values of {@code deletedField} (as text, case-insensitive) that mean "deleted"
 * @param currencyFields fields holding ISO 4217 codes; an unknown code lands with {@code dq_status = 'warn'}
 */
public record StreamContract(
        List<String> idFields,
        String updatedAtField,
        String deletedField,
        Set<String> deletedValues,
        List<String> currencyFields) {
    /** The tombstone marker Cairn's own connectors write: {@code "_cairn_deleted": true}. */
    public static final String CAIRN_DELETED = "_cairn_deleted";

    public StreamContract {
        idFields = List.copyOf(requireNonNull(idFields, "idFields is null"));
        if (idFields.isEmpty()) {
            throw new IllegalArgumentException("idFields is empty");
        }
        deletedValues = Set.copyOf(requireNonNull(deletedValues, "deletedValues is null"));
        currencyFields = List.copyOf(requireNonNull(currencyFields, "currencyFields is null"));
    }

    /** A contract with the given id and change-time fields, Cairn tombstones, and no currency check. */
    public static StreamContract of(List<String> idFields, String updatedAtField) {
        return new StreamContract(idFields, updatedAtField, CAIRN_DELETED, Set.of("true"), List.of());
    }

    public StreamContract withCurrencyFields(List<String> fields) {
        return new StreamContract(idFields, updatedAtField, deletedField, deletedValues, fields);
    }

    public StreamContract withDeleted(String field, Set<String> values) {
        return new StreamContract(idFields, updatedAtField, field, values, currencyFields);
    }
}
