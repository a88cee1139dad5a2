{#- Keys are unique within a tenant: two tenants may use the same source ids. -#}
{% test unique_per_tenant(model, column_name) %}
select tenant_id, {{ column_name }}, count(*) as n
from {{ model }}
where {{ column_name }} is not null
group by tenant_id, {{ column_name }}
having count(*) > 1
{% endtest %}

{#- The combination of column_name and the `with` columns is unique (a compound grain). -#}
{% test unique_combination(model, column_name, with) %}
select {{ column_name }}, {{ with | join(', ') }}, count(*) as n
from {{ model }}
group by {{ column_name }}, {{ with | join(', ') }}
having count(*) > 1
{% endtest %}

{#- Every child row's key exists in the parent for the SAME tenant. -#}
{% test relationships_per_tenant(model, column_name, to, field) %}
select child.tenant_id, child.{{ column_name }}
from {{ model }} child
left join {{ to }} parent on parent.tenant_id = child.tenant_id and parent.{{ field }} = child.{{ column_name }}
where child.{{ column_name }} is not null and parent.{{ field }} is null
{% endtest %}

{#- The amount identity of a sales fact: net = gross - discounts - refunds on every row. -#}
{% test net_identity(model, column_name) %}
select * from {{ model }} where {{ column_name }} <> gross - discounts - refunds
{% endtest %}

{#- The four built-in generic tests, overridden so that their failing rows keep the tested model's columns
    (tenant_id above all): the data-quality layer re-reads a failing test's rows grouped by tenant_id and records
    each tenant's own count in ops.dq_results. Pass/fail semantics are dbt's; accepted_values and relationships
    count failing rows instead of distinct failing values. -#}
{% test not_null(model, column_name) %}
select * from {{ model }} where {{ column_name }} is null
{% endtest %}

{% test unique(model, column_name) %}
select {{ column_name }} as unique_field, count(*) as n_records
       {%- if column_name == 'tenant_id' %}, {{ column_name }} as tenant_id{% endif %}
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{% endtest %}

{% test accepted_values(model, column_name, values, quote=true) %}
select * from {{ model }}
where {{ column_name }} not in (
{%- for value in values -%}
{%- if quote -%}'{{ value | replace("'", "''") }}'{%- else -%}{{ value }}{%- endif -%}
{%- if not loop.last -%}, {% endif -%}
{%- endfor -%})
{% endtest %}

{% test relationships(model, column_name, to, field) %}
select child.* from {{ model }} as child
left join {{ to }} as parent on child.{{ column_name }} = parent.{{ field }}
where child.{{ column_name }} is not null and parent.{{ field }} is null
{% endtest %}
