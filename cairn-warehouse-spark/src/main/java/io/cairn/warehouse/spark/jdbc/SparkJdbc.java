package io.cairn.warehouse.spark.jdbc;

import org.apache.spark.sql.SparkSession;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A JDBC view of one Spark session, so that the model engine, data quality and serving, which speak JDBC, run on
 * Spark unchanged. What it offers:
 * <ul>
 *   <li>{@code Statement} and {@code PreparedStatement} ({@code ?} parameters are bound by Spark's own parameterized
 *       SQL, never spliced into the text), {@code setMaxRows}, {@code setQueryTimeout} and {@code cancel} (which
 *       cancel the statement's Spark jobs), batches;</li>
 *   <li>result sets over the collected rows, with metadata and {@code getObject(i, Class)} for {@code java.time}
 *       types;</li>
 *   <li>{@code DatabaseMetaData.getSchemas}, {@code getTables} and {@code getColumns} from Spark's catalog.</li>
 * </ul>
 * Spark has no transactions: every statement commits on its own (Iceberg commits each write atomically), and
 * {@code commit}/{@code rollback} change nothing. Row counts of writes are not reported ({@code getUpdateCount}
 * is -1). Anything else throws {@link SQLFeatureNotSupportedException} naming the method.
 */
public final class SparkJdbc {
    private SparkJdbc() {}

    /** A connection running its statements in {@code session}; {@code url} is what its metadata reports. */
    public static Connection connect(SparkSession session, String url) {
        return connect(session, url, SqlGuard.NONE);
    }

    /** A connection whose every statement passes {@code guard} before Spark sees it. */
    public static Connection connect(SparkSession session, String url, SqlGuard guard) {
        return proxy(Connection.class, new ConnectionHandler(session, url, guard));
    }

    /** The Spark session behind a connection made by {@link #connect}. */
    public static SparkSession session(Connection connection) throws java.sql.SQLException {
        return connection.unwrap(SparkSession.class);
    }

    static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(SparkJdbc.class.getClassLoader(), new Class<?>[] {type},
                (InvocationHandler) (self, method, args) -> {
                    try {
                        return handler.invoke(self, method, args == null ? new Object[0] : args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** One proxied JDBC object. */
    interface Handler {
        Object invoke(Object self, Method method, Object[] args) throws Throwable;
    }

    static SQLFeatureNotSupportedException unsupported(Method method) {
        return new SQLFeatureNotSupportedException("The Spark JDBC view does not support "
                + method.getDeclaringClass().getSimpleName() + "." + method.getName());
    }

    /** {@code Object} methods on a proxy: identity equality, identity hash, a readable name. */
    static Object objectMethod(Object self, Method method, Object[] args, String name) {
        return switch (method.getName()) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> name;
            default -> null;
        };
    }

    static boolean isObjectMethod(Method method) {
        return method.getDeclaringClass() == Object.class;
    }
}
