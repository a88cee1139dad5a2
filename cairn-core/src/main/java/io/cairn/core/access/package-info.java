/** Tenant access for BI tools: the grants kept in the control plane and the PII columns a project declares. */
package io.cairn.core.access;
