package io.cairn.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Decides which option keys hold secrets, so {@code toString()} and logs never show them. */
public final class Secrets {
    public static final String MASK = "***";

    private Secrets() {
    }

    /** True for keys containing {@code token}, {@code secret} or {@code password}, in any case. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("token") || lower.contains("secret") || lower.contains("password");
    }

    /** A sorted copy of {@code options} with secret values masked. */
    public static Map<String, String> redact(Map<String, String> options) {
        Map<String, String> shown = new TreeMap<>(options);
        shown.replaceAll((key, value) -> isSecret(key) ? MASK : value);
        return shown;
    }
}
