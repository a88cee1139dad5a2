/** Data tests (generic and singular, severity, where, store_failures) and source freshness checks. */
package io.cairn.core.model.test;
