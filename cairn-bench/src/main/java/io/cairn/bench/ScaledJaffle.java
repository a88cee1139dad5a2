package io.cairn.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a jaffle-shop-like dbt-format project at scale: seeds {@code raw_customers} (orders / 10 rows),
 * {@code raw_orders} and {@code raw_payments} (about 1.2 per order) with jaffle-shop's columns, staging views,
 * an ephemeral payment pivot, {@code orders} and {@code customers} tables, two incremental models (merge and
 * delete+insert) and a monthly table, with generic and singular tests.
 */
final class ScaledJaffle {
    private static final String[] STATUSES = {"placed", "shipped", "completed", "return_pending", "returned"};
    private static final String[] METHODS = {"credit_card", "coupon", "bank_transfer", "gift_card"};

    private ScaledJaffle() {}

    /** Writes the seeds (kept when present with the same size) and the models into {@code dir}. */
    static void write(Path dir, int orders) throws IOException {
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        Path marker = seeds.resolve(".orders");
        if (!Files.exists(marker) || !Files.readString(marker).equals(Integer.toString(orders))) {
            writeSeeds(seeds, orders);
            Files.writeString(marker, Integer.toString(orders));
        }
        writeModels(dir);
    }

    private static void writeSeeds(Path seeds, int orders) throws IOException {
        Random random = new Random(42);
        int customers = Math.max(1, orders / 10);
        try (BufferedWriter out = Files.newBufferedWriter(seeds.resolve("raw_customers.csv"))) {
            out.write("id,first_name,last_name\n");
            for (int c = 1; c <= customers; c++) {
                out.write(c + ",First" + (c % 997) + "," + (char) ('A' + c % 26) + ".\n");
            }
        }
        LocalDate start = LocalDate.of(2018, 1, 1);
        int payment = 0;
        try (BufferedWriter o = Files.newBufferedWriter(seeds.resolve("raw_orders.csv"));
                BufferedWriter p = Files.newBufferedWriter(seeds.resolve("raw_payments.csv"))) {
            o.write("id,user_id,order_date,status\n");
            p.write("id,order_id,payment_method,amount\n");
            for (int id = 1; id <= orders; id++) {
                o.write(id + "," + (1 + random.nextInt(customers)) + "," + start.plusDays(random.nextInt(1500)) + ","
                        + STATUSES[random.nextInt(STATUSES.length)] + "\n");
                int payments = random.nextInt(5) == 0 ? 2 : 1;
                for (int k = 0; k < payments; k++) {
                    p.write(++payment + "," + id + "," + METHODS[random.nextInt(METHODS.length)] + ","
                            + random.nextInt(5000) + "\n");
                }
            }
        }
    }

    private static void writeModels(Path dir) {
        BenchSupport.write(dir.resolve("dbt_project.yml"), """
                name: jaffle_scaled
                version: "1.0.0"
                vars:
                  tenant: acme
                  payment_methods: ["credit_card", "coupon", "bank_transfer", "gift_card"]
                models:
                  jaffle_scaled:
                    +materialized: table
                    staging:
                      +materialized: view
                      +schema: staging
                    intermediate:
                      +materialized: ephemeral
                """);
        BenchSupport.write(dir.resolve("macros/cents_to_dollars.sql"),
                "{% macro cents_to_dollars(column) %}({{ column }} / 100)::decimal(16, 2){% endmacro %}\n");
        BenchSupport.write(dir.resolve("models/staging/stg_customers.sql"), "select id as customer_id, first_name, "
                + "last_name from {{ ref('raw_customers') }}\n");
        BenchSupport.write(dir.resolve("models/staging/stg_orders.sql"), "select id as order_id, user_id as "
                + "customer_id, order_date, status from {{ ref('raw_orders') }}\n");
        BenchSupport.write(dir.resolve("models/staging/stg_payments.sql"), "select id as payment_id, order_id, "
                + "payment_method, {{ cents_to_dollars('amount') }} as amount from {{ ref('raw_payments') }}\n");
        BenchSupport.write(dir.resolve("models/intermediate/int_order_payments.sql"), """
                select order_id,
                    {% for m in var('payment_methods') %}sum(case when payment_method = '{{ m }}' then amount else 0 end) as {{ m }}_amount,
                    {% endfor %}sum(amount) as total_amount
                from {{ ref('stg_payments') }}
                group by order_id
                """);
        BenchSupport.write(dir.resolve("models/marts/orders.sql"), """
                select '{{ var("tenant") }}' as tenant_id, o.order_id, o.customer_id, o.order_date, o.status,
                    {% for m in var('payment_methods') %}coalesce(p.{{ m }}_amount, 0) as {{ m }}_amount,
                    {% endfor %}coalesce(p.total_amount, 0) as amount
                from {{ ref('stg_orders') }} o
                left join {{ ref('int_order_payments') }} p using (order_id)
                """);
        BenchSupport.write(dir.resolve("models/marts/customers.sql"), """
                with agg as (
                    select customer_id, min(order_date) as first_order, max(order_date) as most_recent_order,
                        count(*) as number_of_orders, sum(amount) as customer_lifetime_value
                    from {{ ref('orders') }} group by customer_id
                )
                select '{{ var("tenant") }}' as tenant_id, c.customer_id, c.first_name, c.last_name, a.first_order,
                    a.most_recent_order, coalesce(a.number_of_orders, 0) as number_of_orders,
                    coalesce(a.customer_lifetime_value, 0) as customer_lifetime_value
                from {{ ref('stg_customers') }} c left join agg a using (customer_id)
                """);
        BenchSupport.write(dir.resolve("models/marts/fct_sales_by_day.sql"), """
                {{ config(materialized='incremental', unique_key='order_date', incremental_strategy='merge') }}
                select tenant_id, order_date, count(*) as orders, sum(amount) as revenue
                from {{ ref('orders') }}
                {% if is_incremental() %}where order_date >= (select max(order_date) - 3 from {{ this }}){% endif %}
                group by tenant_id, order_date
                """);
        BenchSupport.write(dir.resolve("models/marts/fct_payments.sql"), """
                {{ config(materialized='incremental', unique_key='payment_id', incremental_strategy='delete+insert') }}
                select '{{ var("tenant") }}' as tenant_id, p.payment_id, p.order_id, o.order_date, p.payment_method,
                    p.amount
                from {{ ref('stg_payments') }} p join {{ ref('stg_orders') }} o using (order_id)
                {% if is_incremental() %}where o.order_date >= (select max(order_date) - 3 from {{ this }}){% endif %}
                """);
        BenchSupport.write(dir.resolve("models/marts/customer_orders_monthly.sql"), """
                select tenant_id, customer_id, date_trunc('month', order_date) as month, count(*) as orders,
                    sum(amount) as revenue
                from {{ ref('orders') }} group by all
                """);
        BenchSupport.write(dir.resolve("models/marts/schema.yml"), """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: order_id
                        tests: [unique, not_null]
                      - name: status
                        tests:
                          - accepted_values:
                              values: ['placed', 'shipped', 'completed', 'return_pending', 'returned']
                      - name: customer_id
                        tests:
                          - relationships: {to: ref('customers'), field: customer_id}
                  - name: customers
                    columns:
                      - name: customer_id
                        tests: [unique, not_null]
                  - name: fct_sales_by_day
                    columns:
                      - name: order_date
                        tests: [unique]
                  - name: fct_payments
                    columns:
                      - name: payment_id
                        tests: [unique, not_null]
                """);
        BenchSupport.write(dir.resolve("tests/assert_payments_add_up.sql"), """
                select o.order_id from {{ ref('orders') }} o
                join (select order_id, sum(amount) as paid from {{ ref('fct_payments') }} group by order_id) p
                  using (order_id)
                where o.amount <> p.paid
                """);
    }
}
