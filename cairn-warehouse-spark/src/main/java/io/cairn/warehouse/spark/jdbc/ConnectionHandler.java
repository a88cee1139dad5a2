package io.cairn.warehouse.spark.jdbc;

import org.apache.spark.sql.SparkSession;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** {@link Connection} over a Spark session. */
final class ConnectionHandler implements SparkJdbc.Handler {
    private final SparkSession session;
    private final String url;
    private final SqlGuard guard;
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;

    ConnectionHandler(SparkSession session, String url, SqlGuard guard) {
        this.session = session;
        this.url = url;
        this.guard = guard;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (SparkJdbc.isObjectMethod(method)) {
            return SparkJdbc.objectMethod(self, method, args, "SparkConnection[" + url + "]");
        }
        String name = method.getName();
        switch (name) {
            case "close" -> {
                closed = true;
                return null;
            }
            case "isClosed" -> {
                return closed;
            }
            case "isValid" -> {
                return !closed;
            }
            case "unwrap" -> {
                Class<?> type = (Class<?>) args[0];
                if (type.isInstance(session)) {
                    return session;
                }
                if (type.isInstance(self)) {
                    return self;
                }
                throw new SQLException("A Spark connection is not a " + type.getName());
            }
            case "isWrapperFor" -> {
                return ((Class<?>) args[0]).isInstance(session) || ((Class<?>) args[0]).isInstance(self);
            }
            default -> { }
        }
        checkOpen();
        return switch (name) {
            case "createStatement" -> SparkJdbc.proxy(Statement.class,
                    new StatementHandler(session, guard, (Connection) self, null));
            case "prepareStatement" -> SparkJdbc.proxy(PreparedStatement.class,
                    new StatementHandler(session, guard, (Connection) self, (String) args[0]));
            case "getMetaData" -> SparkJdbc.proxy(DatabaseMetaData.class,
                    new DatabaseMetaDataHandler(session, (Connection) self, url));
            case "getAutoCommit" -> autoCommit;
            case "setAutoCommit" -> {
                autoCommit = (Boolean) args[0];
                yield null;
            }
            case "commit", "rollback", "clearWarnings", "setNetworkTimeout", "setTransactionIsolation",
                    "setHoldability" -> null;
            case "getTransactionIsolation" -> Connection.TRANSACTION_NONE;
            case "getWarnings" -> null;
            case "isReadOnly" -> readOnly;
            case "setReadOnly" -> {
                readOnly = (Boolean) args[0];
                yield null;
            }
            case "getCatalog" -> session.sessionState().catalogManager().currentCatalog().name();
            case "getSchema" -> String.join(".", session.sessionState().catalogManager().currentNamespace());
            case "setSchema" -> {
                session.catalog().setCurrentDatabase((String) args[0]);
                yield null;
            }
            case "nativeSQL" -> args[0];
            case "getNetworkTimeout" -> 0;
            default -> throw SparkJdbc.unsupported(method);
        };
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The Spark connection " + url + " is closed");
        }
    }
}
