/** The project graph: nodes, the acyclic dependency graph, node selection and DAG-parallel execution. */
package io.cairn.core.model.graph;
