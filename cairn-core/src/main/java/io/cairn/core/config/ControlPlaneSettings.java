package io.cairn.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The {@code control_plane:} section of {@code cairn.yml}, resolved: a JDBC url (H2 or PostgreSQL) and optional
 * credentials.
 *
 * @param user null when the url needs none
 * @param password null when the url needs none; never shown by {@link #toString()}
 */
public record ControlPlaneSettings(String url, String user, String password) {
    public ControlPlaneSettings {
        requireNonNull(url, "url is null");
    }

    /** Settings for an embedded H2 database without credentials. */
    public static ControlPlaneSettings of(String url) {
        return new ControlPlaneSettings(url, null, null);
    }

    @Override
    public String toString() {
        return "ControlPlaneSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "***")
                + "]";
    }
}
