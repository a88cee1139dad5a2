/** Encryption of credentials at rest: master keys (environment or key file), AES-GCM sealing with key ids. */
package io.cairn.core.credentials;
