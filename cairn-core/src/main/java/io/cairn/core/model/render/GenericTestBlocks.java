package io.cairn.core.model.render;

import java.util.regex.Pattern;

/**
 * dbt's {@code {% test name(model, column_name) %}} blocks are macros named {@code test_<name>}; rewriting them in
 * place keeps line numbers intact.
 */
final class GenericTestBlocks {
    private static final Pattern OPEN = Pattern.compile("\\{%(-?)(\\s*)test\\s+(\\w+)\\s*\\(");
    private static final Pattern CLOSE = Pattern.compile("\\{%(-?)(\\s*)endtest(\\s*)(-?)%\\}");

    private GenericTestBlocks() {}

    static String toMacros(String text) {
        String opened = OPEN.matcher(text).replaceAll("{%$1$2macro test_$3(");
        return CLOSE.matcher(opened).replaceAll("{%$1$2endmacro$3$4%}");
    }
}
