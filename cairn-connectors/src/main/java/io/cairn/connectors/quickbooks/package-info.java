/** The QuickBooks Online connector: query and CDC endpoints, OAuth2 refresh-token rotation, per-realm limits. */
package io.cairn.connectors.quickbooks;
