package io.cairn.core.controlplane;

import io.cairn.spi.TenantId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Statement helpers shared by every control-plane store (also the orchestration, schedule and alert stores):
 * parameter binding (instants to microsecond UTC timestamps, tenant ids, enums as lower-case ids) and the few column
 * conversions they need.
 */
public final class Sql {
    private Sql() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    public static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet results = statement.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (results.next()) {
                values.add(row.map(results));
            }
            return values;
        }
    }

    public static <T> Optional<T> queryOne(Connection connection, String sql, Row<T> row, Object... params)
            throws SQLException {
        return query(connection, sql, row, params).stream().findFirst();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, timestamp(instant));
        } else if (value instanceof TenantId tenant) {
            statement.setString(index, tenant.value());
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, enumId(constant));
        } else {
            statement.setObject(index, value);
        }
    }

    /** Timestamps are kept to the microsecond, the precision both databases store. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
    }

    public static String enumId(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String id) {
        return Enum.valueOf(type, id.toUpperCase(Locale.ROOT));
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static TenantId tenant(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : TenantId.of(value);
    }

    /** A nullable BIGINT column. */
    public static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
