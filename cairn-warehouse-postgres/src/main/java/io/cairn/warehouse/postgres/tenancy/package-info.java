/** Tenant isolation on PostgreSQL: Cairn's roles, generated row-level security policies, and reader logins for BI tools. */
package io.cairn.warehouse.postgres.tenancy;
