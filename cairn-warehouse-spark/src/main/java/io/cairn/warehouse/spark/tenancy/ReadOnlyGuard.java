package io.cairn.warehouse.spark.tenancy;

import io.cairn.warehouse.spark.jdbc.SqlGuard;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.MetadataAttribute;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.trees.TreeNode;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.jdk.javaapi.CollectionConverters;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lets a tenant session run read-only queries of its own catalog and nothing else. Two checks, both by allow-list:
 * <ol>
 *   <li>before Spark sees the statement, its parsed plan (with CTEs and subqueries) may hold only query operators:
 *       any command ({@code SET}, {@code USE}, DDL, DML, {@code CACHE}, {@code ADD JAR}, {@code CALL},
 *       {@code EXPLAIN}, ...), script transforms and unknown operators are refused, so nothing runs eagerly;</li>
 *   <li>once Spark analyzed the query (before any job runs), every operator must again be a query operator, every
 *       relation an Iceberg table of the tenant catalog in schema {@code marts} or {@code ops} (no file
 *       relations, no other catalog, no {@code global_temp} view, no metadata table), no expression may reach
 *       Java, files or the environment, and no metadata column ({@code _file}, ...) may be read (they name the
 *       copy's files).</li>
 * </ol>
 * Refusals name the construct refused, never data or other relations.
 */
final class ReadOnlyGuard implements SqlGuard {
    private static final String LOGICAL = "org.apache.spark.sql.catalyst.plans.logical.";
    private static final String ANALYSIS = "org.apache.spark.sql.catalyst.analysis.";
    private static final Set<String> QUERY_OPERATORS = Set.of("Project", "Filter", "Aggregate", "Join", "Sort",
            "GlobalLimit", "LocalLimit", "Offset", "Union", "Intersect", "Except", "Distinct", "Deduplicate",
            "SubqueryAlias", "OneRowRelation", "LocalRelation", "Range", "Generate", "Window", "Expand", "Sample",
            "Tail", "WithCTE", "CTERelationDef", "CTERelationRef", "RepartitionByExpression", "Repartition",
            "RebalancePartitions", "ResolvedHint", "LateralJoin", "WithWindowDefinition", "Pivot", "Unpivot");
    private static final Set<String> PARSED_ONLY = Set.of("UnresolvedRelation", "UnresolvedWith",
            "UnresolvedInlineTable", "UnresolvedTableValuedFunction", "UnresolvedTVFAliases", "UnresolvedHaving",
            "RelationTimeTravel", "UnresolvedSubqueryColumnAliases", "UnresolvedHint", "PlanWithUnresolvedIdentifier");
    /** Expressions that reach Java, files, the environment or user code; their functions are also unregistered. */
    private static final Pattern FORBIDDEN_EXPRESSION = Pattern.compile(
            ".*(Reflection|Reflect|XPath|Xml|Protobuf|Avro|InputFile|CurrentUser|UDF|UDAF|Hive|Python).*");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final String catalog;
    private final Set<String> schemas;

    /** @param catalog the tenant catalog's name; @param schemas the schemas a tenant may read in it */
    ReadOnlyGuard(String catalog, Set<String> schemas) {
        this.catalog = catalog;
        this.schemas = schemas;
    }

    @Override
    public void check(SparkSession session, String sql) throws SQLException {
        LogicalPlan parsed;
        try {
            parsed = session.sessionState().sqlParser().parsePlan(sql);
        }
        catch (Exception e) {
            throw new SQLSyntaxErrorException(e.getMessage() == null ? e.toString() : e.getMessage().strip(),
                    "42601", e);
        }
        walk(parsed, true);
    }

    @Override
    public void checkAnalyzed(SparkSession session, LogicalPlan analyzed) throws SQLException {
        walk(analyzed, false);
    }

    private void walk(TreeNode<?> node, boolean parsed) throws SQLException {
        if (node instanceof LogicalPlan plan) {
            checkOperator(plan, parsed);
            for (Expression expression : CollectionConverters.asJava(plan.expressions())) {
                walk(expression, parsed);
            }
        }
        else if (node instanceof Expression expression) {
            String name = expression.getClass().getSimpleName();
            if (FORBIDDEN_EXPRESSION.matcher(name).matches()) {
                throw refused("the expression " + expression.prettyName());
            }
            if (expression instanceof Attribute attribute && MetadataAttribute.isValid(attribute.metadata())) {
                throw refused("the metadata column " + attribute.name());
            }
            if (expression instanceof SubqueryExpression subquery) {
                walk(subquery.plan(), parsed);
            }
        }
        for (Object child : CollectionConverters.asJava(node.children())) {
            walk((TreeNode<?>) child, parsed);
        }
        for (Object inner : CollectionConverters.asJava(node.innerChildren())) {
            if (inner instanceof TreeNode<?> tree) {
                walk(tree, parsed);
            }
        }
    }

    private void checkOperator(LogicalPlan plan, boolean parsed) throws SQLException {
        if (plan instanceof DataSourceV2Relation relation && !parsed) {
            checkRelation(relation);
            return;
        }
        String className = plan.getClass().getName().replace("$", "");
        String simple = className.substring(className.lastIndexOf('.') + 1);
        boolean known = className.startsWith(LOGICAL) || className.startsWith(ANALYSIS);
        if (known && (QUERY_OPERATORS.contains(simple) || parsed && PARSED_ONLY.contains(simple))) {
            return;
        }
        throw refused(describe(simple));
    }

    private void checkRelation(DataSourceV2Relation relation) throws SQLException {
        boolean ours = relation.catalog().isDefined() && relation.catalog().get().name().equals(catalog)
                && relation.identifier().isDefined();
        if (ours) {
            Identifier identifier = relation.identifier().get();
            ours = identifier.namespace().length == 1
                    && schemas.contains(identifier.namespace()[0].toLowerCase(Locale.ROOT))
                    && PLAIN_NAME.matcher(identifier.name()).matches();
        }
        if (!ours) {
            throw refused("reading a relation outside your schemas " + String.join(" and ", schemas.stream().sorted()
                    .toList()));
        }
    }

    private static String describe(String operator) {
        if (operator.endsWith("Relation") || operator.equals("View") || operator.endsWith("Scan")) {
            return "reading a relation outside your schemas";
        }
        return "the statement or operator " + operator.replaceAll("(Command|Statement|Exec)$", "");
    }

    private static SQLException refused(String what) {
        return new SQLException("Only read-only queries of your own marts and quality results may run: " + what
                + " is not allowed", "42501");
    }
}
