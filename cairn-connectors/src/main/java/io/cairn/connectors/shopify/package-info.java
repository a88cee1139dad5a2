/** The Shopify connector: Admin REST API streams with Link pagination, call-limit pacing and delete events. */
package io.cairn.connectors.shopify;
