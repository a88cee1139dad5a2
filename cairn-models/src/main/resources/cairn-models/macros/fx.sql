{#- FX from the fx_rates seed (USD per unit of a currency, each row valid from its date until the next row of the
    same currency). Use as:
      left join {{ fx_ranges() }} fx_from on {{ fx_match('fx_from', 'x.currency', 'x.some_date') }}
      left join {{ fx_ranges() }} fx_to on {{ fx_match('fx_to', 'x.reporting_currency', 'x.some_date') }}
      ... {{ fx_rate('x.currency', 'x.reporting_currency') }} ...
    The rate is 1 when both currencies are equal and NULL when either has no rate on that date. -#}
{% macro fx_ranges() -%}
  (select currency, valid_from, usd_per_unit,
          coalesce(lead(valid_from) over (partition by currency order by valid_from), date '9999-12-31') as valid_to
   from {{ ref('fx_rates') }})
{%- endmacro %}

{% macro fx_match(alias, currency, on_date) -%}
  {{ alias }}.currency = {{ currency }} and {{ on_date }} >= {{ alias }}.valid_from and {{ on_date }} < {{ alias }}.valid_to
{%- endmacro %}

{% macro fx_rate(currency, reporting_currency, from_alias='fx_from', to_alias='fx_to') -%}
  case when {{ currency }} = {{ reporting_currency }} then cast(1 as decimal(18, 8))
       else {{ cairn_decimal_from_double(cairn_fdiv(from_alias ~ '.usd_per_unit', to_alias ~ '.usd_per_unit'), 18, 8) }} end
{%- endmacro %}
