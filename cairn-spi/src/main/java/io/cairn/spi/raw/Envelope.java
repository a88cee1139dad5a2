package io.cairn.spi.raw;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** Column names of the envelope every raw row carries (DESIGN.md section 3), and the raw-table naming rule. */
public final class Envelope {
    public static final String RAW_SCHEMA = "raw";
    public static final String DEAD_LETTER_TABLE = "_dead_letter";
    public static final String LOAD_LEDGER_TABLE = "_loads";

    public static final String TENANT_ID = "tenant_id";
    public static final String SOURCE_SYSTEM = "source_system";
    public static final String STREAM = "stream";
    public static final String SOURCE_RECORD_ID = "source_record_id";
    public static final String SOURCE_UPDATED_AT = "source_updated_at";
    public static final String INGESTED_AT = "ingested_at";
    public static final String LOAD_ID = "load_id";
    public static final String SOURCE_FILE = "source_file";
    public static final String RECORD_HASH = "record_hash";
    public static final String PAYLOAD = "payload";
    public static final String DQ_STATUS = "dq_status";
    public static final String DQ_ERRORS = "dq_errors";
    public static final String IS_DELETED = "is_deleted";

    public static final List<String> COLUMNS = List.of(TENANT_ID, SOURCE_SYSTEM, STREAM, SOURCE_RECORD_ID,
            SOURCE_UPDATED_AT, INGESTED_AT, LOAD_ID, SOURCE_FILE, RECORD_HASH, PAYLOAD, DQ_STATUS, DQ_ERRORS,
            IS_DELETED);

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    private Envelope() {}

    /** The raw table of a stream, without schema: {@code <system>__<stream>}, e.g. {@code shopify__orders}. */
    public static String rawTable(String sourceSystem, String stream) {
        return checkName("source system", sourceSystem) + "__" + checkName("stream", stream);
    }

    /** Validates a raw schema name ({@code raw}, or {@code <tenant>_raw}) so that it is safe as an SQL identifier. */
    public static String checkSchema(String schema) {
        if (schema == null || !NAME.matcher(schema).matches()) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot use raw schema '%s': it must match %s", schema,
                    NAME.pattern());
        }
        return schema;
    }

    /** Validates a source-system or stream name so that it is safe as part of an SQL identifier. */
    public static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("__")) {
            throw new CairnException(ErrorCode.BAD_INPUT,
                    "Cannot use %s name '%s': it must match %s and not contain '__'", what, name, NAME.pattern());
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
