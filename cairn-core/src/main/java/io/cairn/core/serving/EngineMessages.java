package io.cairn.core.serving;

import java.util.regex.Pattern;

/**
 * Engine error messages as a tenant may see them: quoted absolute file paths (the warehouse file, published copies,
 * the server's folders) are replaced by {@code <path>}. Only the tenant's own rows can appear in them otherwise: the
 * engine never let it read another tenant's.
 */
final class EngineMessages {
    /** A quoted absolute path; engines cut long statement echoes with {@code ...}, which may end it unclosed. */
    private static final Pattern QUOTED_PATH = Pattern.compile("([\"'])(?:/|[A-Za-z]:\\\\)[^\"'\\n]*?(?:\\1|(?=\\.\\.\\.)|$)",
            Pattern.MULTILINE);

    private EngineMessages() {}

    static String forTenant(String message) {
        if (message == null) {
            return "the engine gave no reason";
        }
        return QUOTED_PATH.matcher(message).replaceAll(EngineMessages::redacted).strip();
    }

    private static String redacted(java.util.regex.MatchResult match) {
        String quote = match.group(1);
        boolean closed = match.group().length() > 1 && match.group().endsWith(quote);
        return quote + "<path>" + (closed ? quote : "");
    }
}
