/** Landing: takes complete drops into the raw zone and bulk-loads them into raw tables, accounting for every record. */
package io.cairn.core.landing;
