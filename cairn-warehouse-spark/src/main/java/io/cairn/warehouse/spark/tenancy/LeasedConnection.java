package io.cairn.warehouse.spark.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tenant connection: gives every statement the tenant's statement timeout and, when closed, releases the
 * published version it reads (so that version can be deleted once replaced).
 */
final class LeasedConnection {
    private LeasedConnection() {}

    static Connection wrap(Connection connection, int timeoutSeconds, PublishedCopies.Lease lease) {
        AtomicBoolean released = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(LeasedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
                    if (method.getName().equals("close") && released.compareAndSet(false, true)) {
                        lease.release();
                    }
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement && method.getName().endsWith("Statement")) {
                        statement.setQueryTimeout(timeoutSeconds);
                    }
                    return result;
                });
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
