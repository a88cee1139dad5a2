/** Parsing rendered files into graph nodes (refs, configs, schemas, tests) and compiling nodes to SQL. */
package io.cairn.core.model.compile;
