/** Tenancy modes: where a shared or dedicated tenant's data lives, moving a tenant between them, offboarding. */
package io.cairn.core.tenancy;
