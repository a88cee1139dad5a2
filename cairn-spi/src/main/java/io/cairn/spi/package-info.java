/** The small shared vocabulary of Cairn: ids, the exception family, and the extension points in sub-packages. */
package io.cairn.spi;
