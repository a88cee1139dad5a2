package io.cairn.datagen.truth;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.datagen.TenantProfile;
import io.cairn.datagen.engine.Json;
import io.cairn.datagen.engine.Period;
import io.cairn.datagen.engine.StreamSpec;
import io.cairn.datagen.engine.StreamStats;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code <truthDir>/<tenant>.json} from a tenant's {@link TruthBook}. */
public final class TruthWriter {
    private TruthWriter() {
    }

    /** Writes the file and returns its size in bytes. */
    public static long write(Path truthDir, TruthBook book, Period period, long seed) {
        Path file = truthDir.resolve(book.profile().id() + ".json");
        try {
            Files.createDirectories(truthDir);
            byte[] bytes = Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(document(book, period, seed));
            Files.write(file, bytes);
            return bytes.length;
        } catch (IOException e) {
            throw new CairnException(ErrorCode.IO, e, "Cannot write truth file %s: %s", file, e.getMessage());
        }
    }

    static Map<String, Object> document(TruthBook book, Period period, long seed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant", tenant(book.profile()));
        doc.put("generator", Json.obj("seed", seed, "start_date", period.start().toString(),
                "end_date", period.start().plusDays(period.days() - 1L).toString(), "days", period.days()));
        doc.put("definitions", Definitions.all());
        Map<String, Object> streams = new LinkedHashMap<>();
        Map<String, Object> defects = new LinkedHashMap<>();
        for (Map.Entry<String, StreamStats> e : book.streams().entrySet()) {
            StreamSpec spec = book.specs().get(e.getKey());
            Map<String, Object> stream = new LinkedHashMap<>();
            stream.put("format", spec.format().extension());
            stream.put("id_fields", spec.idFields());
            stream.put("updated_at_field", spec.updatedAtField());
            stream.put("currency_field", spec.currencyField());
            stream.putAll(e.getValue().expectations());
            streams.put(e.getKey(), stream);
            defects.put(e.getKey(), e.getValue().defects());
        }
        doc.put("streams", streams);
        doc.put("defects", defects);
        doc.put("sales_by_day", book.sales().rows());
        doc.put("expenses_by_month", book.expenses().rows());
        return doc;
    }

    private static Map<String, Object> tenant(TenantProfile p) {
        return Json.obj("id", p.id(), "name", p.name(), "timezone", p.timezone(), "currency", p.currency(),
                "sources", p.sources());
    }
}
