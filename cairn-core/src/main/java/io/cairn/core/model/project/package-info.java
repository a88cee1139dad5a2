/** Loading a dbt-format project from disk: {@code dbt_project.yml}, resource files and YAML properties. */
package io.cairn.core.model.project;
