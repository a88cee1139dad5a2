package io.cairn.spi;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** A tenant's id: lower-case letters, digits and underscores, starting with a letter, 2 to 63 characters. */
public record TenantId(String value) implements Comparable<TenantId> {
    public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9_]{1,62}$");

    public TenantId {
        requireNonNull(value, "value is null");
        if (!PATTERN.matcher(value).matches()) {
            throw new CairnException(ErrorCode.BAD_INPUT,
                    "Cannot use tenant id '%s': it must match %s", value, PATTERN.pattern());
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
