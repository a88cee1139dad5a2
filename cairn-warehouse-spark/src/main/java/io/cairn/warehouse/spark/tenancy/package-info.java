/**
 * Tenant access on Spark: per-tenant published Iceberg copies ({@link io.cairn.warehouse.spark.tenancy.PublishedCopies}),
 * locked-down tenant sessions whose only catalog is the tenant's copy
 * ({@link io.cairn.warehouse.spark.tenancy.TenantSessions}) and a guard that lets only read-only queries of that
 * catalog run ({@link io.cairn.warehouse.spark.tenancy.ReadOnlyGuard}).
 */
package io.cairn.warehouse.spark.tenancy;
