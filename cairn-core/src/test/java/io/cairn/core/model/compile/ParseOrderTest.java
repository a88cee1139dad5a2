package io.cairn.core.model.compile;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.core.model.project.SqlFile;

import static org.assertj.core.api.Assertions.assertThat;

class ParseOrderTest {
    private static SqlFile model(String name, String text) {
        return new SqlFile(name, "models/" + name + ".sql", Path.of("models", name + ".sql"), List.of(), text);
    }

    private static List<String> order(SqlFile... models) {
        return ParseOrder.of(List.of(models)).stream().map(SqlFile::name).toList();
    }

    @Test
    void parentsNamedInTheTextComeFirst() {
        assertThat(order(model("a_mart", "select * from {{ ref('c_int') }} join {{ ref( \"pkg\" , 'b_stg' ) }}"),
                model("b_stg", "select * from {{ source('shop', 'orders') }}"),
                model("c_int", "select * from {{ ref ('b_stg') }}"),
                model("d_other", "select 1")))
                .as("b_stg before c_int before a_mart; the rest keeps file order")
                .containsExactly("b_stg", "c_int", "a_mart", "d_other");
    }

    @Test
    void cyclesAreBrokenWhereTheyCloseAndLookalikesAreNotRefs() {
        assertThat(order(model("x", "{{ ref('y') }} {{ ref('missing') }}"), model("y", "{{ ref('x') }}"),
                model("z", "select prefref('x'), ref(name), {{ ref('x' ~ 'y') }}")))
                .containsExactly("y", "x", "z");
    }

    @Test
    void refNameReadsOneAndTwoArgumentCalls() {
        assertThat(ParseOrder.refName("ref('a')", 3)).isEqualTo("a");
        assertThat(ParseOrder.refName("ref( 'p',\n \"b\" )", 3)).isEqualTo("b");
        assertThat(ParseOrder.refName("ref(var('x'))", 3)).isNull();
        assertThat(ParseOrder.refName("ref('a', 'b', 'c')", 3)).isNull();
        assertThat(ParseOrder.refName("ref('unterminated", 3)).isNull();
    }
}
