/** The {@code cairn} command line (picocli): one class per verb, sharing an opened project. */
package io.cairn.cli;
