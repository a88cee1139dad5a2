package io.cairn.core.model.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/** The dbt context functions, registered with Jinjava as static functions of the current render. */
public final class DbtFunctions {
    static final String SESSION = "__cairn_session";
    static final String GLOBALS = "__cairn_globals";

    private DbtFunctions() {}

    public static Object ref(Object... args) {
        if (args.length == 1) {
            return resolve(new RefCall(false, null, text(args[0]), line()));
        }
        if (args.length == 2) {
            return resolve(new RefCall(false, text(args[0]), text(args[1]), line()));
        }
        throw fail("ref() takes one or two names, got %d arguments", args.length);
    }

    public static Object source(Object... args) {
        if (args.length != 2) {
            throw fail("source() takes a source and a table name, got %d arguments", args.length);
        }
        return resolve(new RefCall(true, text(args[0]), text(args[1]), line()));
    }

    public static String config(Object... args) {
        Map<String, Object> config = session().config();
        for (Object arg : args) {
            if (arg instanceof NamedParameter named) {
                config.put(named.getName(), plain(named.getValue()));
            }
            else if (arg instanceof Map<?, ?> map) {
                map.forEach((k, v) -> config.put(String.valueOf(k), plain(v)));
            }
            else if (arg != null) {
                throw fail("config() takes keyword arguments, got '%s'", arg);
            }
        }
        return "";
    }

    public static Object var(Object... args) {
        if (args.length == 0 || args.length > 2) {
            throw fail("var() takes a name and an optional default, got %d arguments", args.length);
        }
        String name = text(args[0]);
        Map<String, Object> vars = globals().vars();
        if (vars.containsKey(name)) {
            return vars.get(name);
        }
        if (args.length == 2) {
            return args[1];
        }
        throw fail("var('%s') is not defined in dbt_project.yml or --vars and has no default", name);
    }

    public static Object env_var(Object... args) {
        if (args.length == 0 || args.length > 2) {
            throw fail("env_var() takes a name and an optional default, got %d arguments", args.length);
        }
        String name = text(args[0]);
        String value = globals().env().get(name);
        if (value != null) {
            return value;
        }
        if (args.length == 2) {
            return args[1];
        }
        throw fail("env_var('%s') is not set and has no default", name);
    }

    public static boolean is_incremental() {
        RenderSession session = session();
        session.noteIncrementalAsked();
        return session.incremental();
    }

    /** dbt's {@code log()}: accepted and ignored, since compile output goes to files, not the console. */
    public static String log(Object... args) {
        return "";
    }

    private static Object resolve(RefCall call) {
        RenderSession session = session();
        try {
            return session.resolve(call);
        }
        catch (CairnException e) {
            session.fail(e);
            throw e;
        }
    }

    private static Object plain(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null) {
            throw fail("a name argument is null");
        }
        return String.valueOf(value);
    }

    static int line() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        return interpreter == null ? 0 : interpreter.getLineNumber();
    }

    private static RenderSession session() {
        return (RenderSession) JinjavaInterpreter.getCurrent().getContext().get(SESSION);
    }

    private static RenderGlobals globals() {
        return (RenderGlobals) JinjavaInterpreter.getCurrent().getContext().get(GLOBALS);
    }

    private static CairnException fail(String format, Object... args) {
        RenderSession session = session();
        CairnException e = new CairnException(ErrorCode.CONFIG, "Cannot render %s: %s line %d: %s", session.label(),
                session.path(), line(), String.format(java.util.Locale.ROOT, format, args));
        session.fail(e);
        return e;
    }
}
