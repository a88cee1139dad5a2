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
