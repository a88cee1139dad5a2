package io.cairn.core.model.materialize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.cairn.core.csv.CsvText;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

/**
 * Loads a seed CSV through JDBC batches, for engines without a CSV reader of their own on the server side (the file
 * is on the machine running Cairn, not on the database server). Types: {@code column_types} first, else inferred from
 * every value as DuckDB's sniffer would (boolean, bigint, double precision, date, timestamp, else text); an empty
 * field is NULL.
 */
final class CsvSeedLoader {
    private static final int BATCH = 1000;
    private static final List<Inference> INFERENCES = List.of(
            new Inference("boolean", Pattern.compile("(?i)true|false")),
            new Inference("bigint", Pattern.compile("[+-]?\\d{1,18}")),
            new Inference("double precision", Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?")),
            new Inference("date", Pattern.compile("\\d{4}-\\d{2}-\\d{2}")),
            new Inference("timestamp", Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")));

    private final BuildContext ctx;

    CsvSeedLoader(BuildContext ctx) {
        this.ctx = ctx;
    }

    long load(Path csv, String relation) {
        List<List<String>> records = read(csv);
        if (records.isEmpty()) {
            throw new CairnException(ErrorCode.BAD_INPUT, "Cannot load seed %s: %s: the file has no header line",
                    ctx.node().name(), ctx.node().path());
        }
        List<String> header = records.get(0);
        List<List<String>> rows = records.subList(1, records.size());
        List<String> types = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            types.add(type(header.get(i), i, rows));
        }
        String columns = header.stream().map(ctx.dialect()::quote).collect(Collectors.joining(", "));
        Sql.execute(ctx.connection(), ctx.node(), "create table " + relation + " (" + joinTyped(header, types) + ")");
        String placeholders = types.stream().map(t -> "cast(? as " + t + ")").collect(Collectors.joining(", "));
        insert("insert into " + relation + " (" + columns + ") values (" + placeholders + ")", header.size(), rows);
        return rows.size();
    }

    private void insert(String sql, int width, List<List<String>> rows) {
        try (PreparedStatement statement = ctx.connection().prepareStatement(sql)) {
            int pending = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.size() != width) {
                    throw new CairnException(ErrorCode.BAD_INPUT, "Cannot load seed %s: %s line %d: %d fields, the "
                            + "header has %d", ctx.node().name(), ctx.node().path(), r + 2, row.size(), width);
                }
                for (int i = 0; i < width; i++) {
                    statement.setString(i + 1, row.get(i).isEmpty() ? null : row.get(i));
                }
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
        catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw Sql.failure(ctx.node(), cause, -1);
        }
    }

    private String joinTyped(List<String> header, List<String> types) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            out.add(ctx.dialect().quote(header.get(i)) + " " + types.get(i));
        }
        return String.join(", ", out);
    }

    private String type(String column, int index, List<List<String>> rows) {
        Map<String, Object> declared = ctx.node().config().columnTypes();
        if (declared.containsKey(column)) {
            return String.valueOf(declared.get(column));
        }
        for (Inference inference : INFERENCES) {
            boolean any = false;
            boolean all = true;
            for (List<String> row : rows) {
                String value = index < row.size() ? row.get(index) : "";
                if (!value.isEmpty()) {
                    any = true;
                    all &= inference.pattern().matcher(value.strip()).matches();
                }
            }
            if (any && all) {
                return inference.type();
            }
        }
        return "text";
    }

    /** RFC 4180 records ({@link CsvText}). */
    private List<List<String>> read(Path csv) {
        try {
            return CsvText.parse(Files.readString(csv, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new CairnException(ErrorCode.BAD_INPUT, e, "Cannot load seed %s: cannot read %s: %s",
                    ctx.node().name(), csv, e.getMessage());
        }
    }

    private record Inference(String type, Pattern pattern) {}
}
