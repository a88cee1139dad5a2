/** The HTTP API's control-plane state: hashed API keys, idempotency keys of started runs, tenant plans and usage. */
package io.cairn.core.apikeys;
