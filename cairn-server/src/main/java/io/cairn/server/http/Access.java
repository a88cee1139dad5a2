package io.cairn.server.http;

/** Who may call a route, checked before its handler runs. */
public enum Access {
    /** Anyone, without a key (the OpenAPI document). */
    PUBLIC,
    /** Any valid key; the handler checks the object it reads or changes (a run, a schedule, a key). */
    ANY_KEY,
    /** Platform admin keys only. */
    ADMIN,
    /** Any key of the tenant in the path ({@code {tenant}}), or the platform admin. */
    TENANT_READ,
    /** A {@code tenant_admin} key of the tenant in the path, or the platform admin. */
    TENANT_WRITE
}
