package io.cairn.core.model.render;

/**
 * A {@code ref} or {@code source} call met while rendering.
 *
 * @param source true for {@code source(first, second)}, false for {@code ref([first,] second)}
 * @param first the package (ref, may be null) or the source name
 * @param second the model or table name
 * @param line the template line of the call
 */
public record RefCall(boolean source, String first, String second, int line) {
    public String display() {
        return source ? "source('" + first + "', '" + second + "')"
                : first == null ? "ref('" + second + "')" : "ref('" + first + "', '" + second + "')";
    }
}
