package io.cairn.core.csv;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTextTest {
    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        assertThat(CsvText.parse("id,note\r\n1,\"a, \"\"b\"\"\r\nc\"\n2,\n"))
                .containsExactly(List.of("id", "note"), List.of("1", "a, \"b\"\r\nc"), List.of("2", ""));
    }

    @Test
    void byteOrderMarkIsDroppedAndEmptyLinesSkipped() {
        assertThat(CsvText.parse("\uFEFFa,b\n\n\r\n1,2\r3,4"))
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void aLineOfSpacesIsARecordAndEmptyTextHasNone() {
        assertThat(CsvText.parse("a\n  \n")).containsExactly(List.of("a"), List.of("  "));
        assertThat(CsvText.parse("")).isEmpty();
    }
}
