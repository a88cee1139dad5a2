package io.cairn.core.model.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InvalidArgumentException;
import com.hubspot.jinjava.interpret.InvalidInputException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.fn.MacroFunction;

import io.cairn.core.model.project.SqlFile;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Renders project files with Jinjava and dbt's context: {@code ref}, {@code source}, {@code config}, {@code var},
 * {@code env_var}, {@code is_incremental}, {@code this}, {@code target} and every project macro without import.
 * Thread-safe: each render has its own interpreter and {@link RenderSession}.
 */
public final class Renderer {
    private static final List<String> FUNCTIONS = List.of("ref", "source", "config", "var", "env_var",
            "is_incremental", "log");

    private final Jinjava jinjava;
    private final Set<String> projectMacros = new HashSet<>();

    public Renderer(RenderGlobals globals, List<SqlFile> macroFiles) {
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(false)
                .withNestedInterpretationEnabled(false).build());
        for (String name : FUNCTIONS) {
            Class<?>[] params = name.equals("is_incremental") ? new Class<?>[0] : new Class<?>[] {Object[].class};
            jinjava.getGlobalContext().registerFunction(
                    new ELFunctionDefinition("", name, DbtFunctions.class, name, params));
        }
        jinjava.getGlobalContext().put(DbtFunctions.GLOBALS, globals);
        jinjava.getGlobalContext().put("target", globals.target());
        loadMacros(BuiltinMacros.TEXT, BuiltinMacros.PATH, false);
        for (SqlFile file : macroFiles) {
            loadMacros(file.text(), file.path(), true);
        }
    }

    /** True when the project (not Cairn's built-ins) defines the macro, e.g. {@code generate_schema_name}. */
    public boolean hasProjectMacro(String name) {
        return projectMacros.contains(name);
    }

    public boolean hasMacro(String name) {
        return jinjava.getGlobalContext().getGlobalMacro(name) != null;
    }

    /** Renders {@code text} (the content of {@code session.path()}) with extra template variables. */
    public String render(String text, RenderSession session, Map<String, Object> bindings) {
        UnsupportedScan.check(text, session.label(), session.path());
        Map<String, Object> context = new HashMap<>(bindings);
        context.put(DbtFunctions.SESSION, session);
        RenderResult result = renderForResult(text, context, session);
        if (session.failure() != null) {
            throw session.failure();
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new CairnException(ErrorCode.CONFIG, "Cannot render %s: %s line %d: Jinja error in '%s': %s",
                        session.label(), session.path(), error.getLineno(), error.getFieldName(),
                        error.getMessage());
            }
        }
        return result.getOutput();
    }

    /**
     * {@link Jinjava#renderForResult} without its per-call copy of the global context: that copy re-registers every
     * built-in filter, function and tag (most of the time of rendering a model). A child context of the global one
     * reads them from it instead; the error handling is Jinjava's.
     */
    private RenderResult renderForResult(String text, Map<String, Object> bindings, RenderSession session) {
        JinjavaConfig config = jinjava.getGlobalConfig();
        Context context = new RenderContext(jinjava.getGlobalContext(), bindings, config.getDisabled(), session);
        JinjavaInterpreter interpreter = config.getInterpreterFactory().newInstance(jinjava, context, config);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            String output = interpreter.render(text);
            if (!config.isKeepTrailingNewline() && output.endsWith("\n")) {
                output = output.substring(0, output.length() - 1);
            }
            return new RenderResult(output, interpreter.getContext(), interpreter.getErrorsCopy());
        }
        catch (TemplateSyntaxException e) {
            return new RenderResult(TemplateError.fromException(e), interpreter.getContext(),
                    interpreter.getErrorsCopy());
        }
        catch (InterpretException e) {
            return new RenderResult(TemplateError.fromSyntaxError(e), interpreter.getContext(),
                    interpreter.getErrorsCopy());
        }
        catch (InvalidArgumentException e) {
            return new RenderResult(TemplateError.fromInvalidArgumentException(e), interpreter.getContext(),
                    interpreter.getErrorsCopy());
        }
        catch (InvalidInputException e) {
            return new RenderResult(TemplateError.fromInvalidInputException(e), interpreter.getContext(),
                    interpreter.getErrorsCopy());
        }
        catch (CairnException e) {
            throw e;
        }
        catch (RuntimeException e) {
            return new RenderResult(TemplateError.fromException(e), interpreter.getContext(),
                    interpreter.getErrorsCopy());
        }
        finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Calls a macro with keyword arguments and returns its output. */
    public String callMacro(String name, Map<String, Object> kwargs, RenderSession session) {
        StringBuilder call = new StringBuilder("{{ ").append(name).append('(');
        Map<String, Object> bindings = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, Object> arg : kwargs.entrySet()) {
            String variable = "__cairn_arg" + i++;
            call.append(i > 1 ? ", " : "").append(arg.getKey()).append('=').append(variable);
            bindings.put(variable, arg.getValue());
        }
        call.append(") }}");
        return render(call.toString(), session, bindings);
    }

    private void loadMacros(String raw, String path, boolean project) {
        String text = GenericTestBlocks.toMacros(raw);
        UnsupportedScan.check(text, "macro file", path);
        // A child of the global context (not Jinjava's copy of it) holds only the macros this file defines.
        JinjavaConfig config = jinjava.getGlobalConfig();
        JinjavaInterpreter interpreter = config.getInterpreterFactory().newInstance(jinjava,
                new RenderContext(jinjava.getGlobalContext(), Map.of(), config.getDisabled(), null), config);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            interpreter.render(text);
        }
        finally {
            JinjavaInterpreter.popCurrent();
        }
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new CairnException(ErrorCode.CONFIG, "Cannot load macros: %s line %d: Jinja error in '%s': %s",
                        path, error.getLineno(), error.getFieldName(), error.getMessage());
            }
        }
        for (MacroFunction macro : interpreter.getContext().getGlobalMacros().values()) {
            jinjava.getGlobalContext().addGlobalMacro(macro);
            if (project) {
                projectMacros.add(macro.getName());
            }
        }
    }
}
