package io.cairn.core.serving;

import org.junit.jupiter.api.Test;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOnlySqlTest {
    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void readsPassWithoutTheirTrailingSemicolons() {
        assertThat(ReadOnlySql.check(ACME, "SELECT 1;")).isEqualTo("SELECT 1");
        assertThat(ReadOnlySql.check(ACME, "with x as (select 1) select * from x ;; -- done"))
                .isEqualTo("with x as (select 1) select * from x");
        assertThat(ReadOnlySql.check(ACME, "VALUES (1), (2)")).isEqualTo("VALUES (1), (2)");
        assertThat(ReadOnlySql.check(ACME, "FROM marts.fct_sales_by_day")).isEqualTo("FROM marts.fct_sales_by_day");
        assertThat(ReadOnlySql.check(ACME, "(SELECT 1) UNION (SELECT 2)")).isEqualTo("(SELECT 1) UNION (SELECT 2)");
        assertThat(ReadOnlySql.check(ACME, "/* lead; */ TABLE marts.dim_customers"))
                .isEqualTo("/* lead; */ TABLE marts.dim_customers");
    }

    @Test
    void wordsAndSemicolonsInsideQuotesAndCommentsDoNotCount() {
        String sql = "SELECT 'a; DELETE FROM t', \"insert\", $$; update$$, E'it\\'s; into' /* ; drop */ FROM t";
        assertThat(ReadOnlySql.check(ACME, sql)).isEqualTo(sql);
        assertThat(ReadOnlySql.check(ACME, "SELECT 'it''s; fine' -- ; delete\n")).isEqualTo("SELECT 'it''s; fine'");
    }

    @Test
    void anythingButOneReadIsBadInputSayingWhy() {
        assertRefused("", "holds no statement");
        assertRefused(" ; -- nothing", "holds no statement");
        assertRefused("SELECT 1; SELECT 2", "more than one statement");
        assertRefused("SELECT 1; DROP TABLE t", "more than one statement");
        assertRefused("DELETE FROM t", "not DELETE");
        assertRefused("attach 'x.duckdb' as x", "not ATTACH");
        assertRefused("PRAGMA database_list", "not PRAGMA");
        assertRefused("SET role = 'x'", "not SET");
        assertRefused("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", "it uses INSERT");
        assertRefused("SELECT * INTO stash FROM t", "it uses INTO");
        assertRefused("SELECT 'open", "unterminated string");
        assertRefused("SELECT 1 /* open", "unterminated comment");
        assertRefused("SELECT $x$ open", "unterminated dollar-quoted string");
    }

    private static void assertRefused(String sql, String reason) {
        assertThatThrownBy(() -> ReadOnlySql.check(ACME, sql)).isInstanceOf(CairnException.class)
                .hasMessageStartingWith("Cannot run the query of tenant acme: ").hasMessageContaining(reason)
                .extracting(e -> ((CairnException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
    }
}
