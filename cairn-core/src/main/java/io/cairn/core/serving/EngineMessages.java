package io.cairn.core.serving;

import java.util.regex.Pattern;

/**
 * Engine error messages as a tenant may see them: quoted absolute file paths (the warehouse file, published copies,
 * the server's folders) are replaced by {@code <path>}. Only the tenant's own rows can appear in them otherwise: the
 * engine never let it read another tenant's.
 */
final class EngineMessages {
    private static final Pattern QUOTED_PATH = Pattern.compile("([\"'])(?:/|[A-Za-z]:\\\\)[^\"'\\n]*\\1");

    private EngineMessages() {}

    static String forTenant(String message) {
        if (message == null) {
            return "the engine gave no reason";
        }
        return QUOTED_PATH.matcher(message).replaceAll("$1<path>$1").strip();
    }
}
