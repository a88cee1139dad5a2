/** Reading {@code cairn.yml} and {@code tenants.yml} into validated records, with errors naming file, line and key. */
package io.cairn.core.config;
