/** What the connectors share beyond HTTP: JSON records and cursor times. */
package io.cairn.connectors.common;
