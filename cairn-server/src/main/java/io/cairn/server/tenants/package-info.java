/** Tenant routes: onboarding, reading, updating and the two-step offboarding. */
package io.cairn.server.tenants;
