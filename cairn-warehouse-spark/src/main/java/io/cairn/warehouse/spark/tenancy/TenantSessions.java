package io.cairn.warehouse.spark.tenancy;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import scala.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds the locked-down Spark session a tenant connection runs in: a session with no Cairn catalog (made from the
 * bare root session), whose default and only Iceberg catalog is one published copy, with SQL on files switched off
 * and the functions that reach Java, files or the environment removed from its own function registry (each
 * session has its own copy of the built-in registry, so other sessions keep them).
 */
final class TenantSessions {
    /** The name of the tenant's catalog on a tenant session. */
    static final String CATALOG = "published";

    /** Functions no tenant may call: Java reflection, XML/XPath parsers, schema files, file names and the OS user. */
    static final List<String> REMOVED_FUNCTIONS = List.of("reflect", "java_method", "try_reflect", "xpath",
            "xpath_boolean", "xpath_double", "xpath_float", "xpath_int", "xpath_long", "xpath_number", "xpath_short",
            "xpath_string", "from_xml", "schema_of_xml", "to_xml", "from_protobuf", "to_protobuf", "from_avro",
            "to_avro", "schema_of_avro", "input_file_name", "input_file_block_start", "input_file_block_length",
            "current_user", "user", "session_user");

    private TenantSessions() {}

    /** Turns {@code bare} (a session without any Cairn catalog) into a tenant session reading {@code copy}. */
    static SparkSession lockDown(SparkSession bare, Path copy) {
        configureCopyCatalog(bare, CATALOG, copy);
        bare.conf().set("spark.sql.defaultCatalog", CATALOG);
        bare.conf().set("spark.sql.runSQLOnFiles", "false");
        var registry = bare.sessionState().functionRegistry();
        for (String function : REMOVED_FUNCTIONS) {
            registry.dropFunction(new FunctionIdentifier(function, Option.empty(), Option.empty()));
        }
        return bare;
    }

    /**
     * Points the session's catalog {@code name} at the Iceberg tables under {@code folder} (Iceberg's file-system
     * catalog: no catalog database, so nothing to open or close per session).
     */
    static void configureCopyCatalog(SparkSession session, String name, Path folder) {
        String prefix = "spark.sql.catalog." + name;
        session.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
        session.conf().set(prefix + ".type", "hadoop");
        session.conf().set(prefix + ".warehouse", folder.toUri().toString());
        session.conf().set(prefix + ".cache-enabled", "false");
    }
}
