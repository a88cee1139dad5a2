package io.cairn.core.model.test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.cairn.core.model.graph.Node;
import io.cairn.core.model.materialize.BuildContext;
import io.cairn.core.model.project.Freshness;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** Source freshness: the age of {@code max(loaded_at_field)} (rows matching {@code filter}) against the rules. */
public final class FreshnessChecker {
    private FreshnessChecker() {}

    public static TestOutcome check(BuildContext ctx, Instant now) {
        Node node = ctx.node();
        Freshness rule = node.source().freshness();
        String field = node.source().loadedAtField();
        if (rule == null || field == null) {
            throw new CairnException(ErrorCode.CONFIG, "Cannot check freshness of source %s.%s: %s: it needs both "
                    + "freshness and loaded_at_field", node.source().sourceName(), node.name(), node.path());
        }
        String sql = "select max(" + field + ") from " + ctx.target()
                + (rule.filter() == null ? "" : " where " + rule.filter());
        Instant latest = latest(ctx, sql);
        if (latest == null) {
            return new TestOutcome("error", -1, "no rows with a " + field);
        }
        Duration age = Duration.between(latest, now);
        String ageText = "max(" + field + ") = " + latest + ", age " + age.toSeconds() + "s";
        if (rule.errorAfter() != null && age.compareTo(rule.errorAfter()) > 0) {
            return new TestOutcome("error", age.toSeconds(), ageText + " > error_after " + rule.errorAfter());
        }
        if (rule.warnAfter() != null && age.compareTo(rule.warnAfter()) > 0) {
            return new TestOutcome("warn", age.toSeconds(), ageText + " > warn_after " + rule.warnAfter());
        }
        return new TestOutcome("pass", age.toSeconds(), ageText);
    }

    private static Instant latest(BuildContext ctx, String sql) {
        try (Statement statement = ctx.connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            Object value = rs.getObject(1);
            if (value == null) {
                return null;
            }
            if (value instanceof java.time.OffsetDateTime odt) {
                return odt.toInstant();
            }
            if (rs.getMetaData().getColumnTypeName(1).toLowerCase(java.util.Locale.ROOT).contains("tz")) {
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
            Timestamp ts = rs.getTimestamp(1);
            return ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot check freshness of source %s.%s: %s: %s",
                    node(ctx).source().sourceName(), node(ctx).name(), node(ctx).path(), e.getMessage());
        }
    }

    private static Node node(BuildContext ctx) {
        return ctx.node();
    }
}
