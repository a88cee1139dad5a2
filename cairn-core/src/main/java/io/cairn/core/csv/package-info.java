/** CSV text as RFC 4180 records, shared by seed loading and file sources that read whole exports. */
package io.cairn.core.csv;
