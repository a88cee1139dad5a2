{%- set mapped = ['Id', 'SyncToken', 'domain', 'sparse', 'MetaData', 'CurrencyRef', 'Name', 'Sku', 'Description', 'FullyQualifiedName', 'Type', 'Active',
    'Taxable', 'UnitPrice', 'PurchaseCost', 'QtyOnHand', 'TrackQtyOnHand', 'InvStartDate', 'IncomeAccountRef',
    'ExpenseAccountRef', 'AssetAccountRef', 'PurchaseDesc', 'SubItem', 'ParentRef', 'Level'] -%}
with versions as (
  {{ latest_versions('quickbooks', 'items') }}
)
select
  {{ envelope_columns() }},
  source_record_id as item_id,
  {{ qbo_common_columns() }},
  {{ jtext('Name') }} as item_name,
  nullif(trim({{ jtext('Sku') }}), '') as sku,
  {{ jtext('Description') }} as description,
  {{ jtext('PurchaseDesc') }} as purchase_description,
  {{ jtext('FullyQualifiedName') }} as fully_qualified_name,
  {{ jtext('Type') }} as item_type,
  coalesce({{ jbool('Active') }}, true) as is_active,
  {{ jbool('Taxable') }} as is_taxable,
  coalesce({{ jbool('SubItem') }}, false) as is_sub_item,
  {{ jtext('ParentRef.value') }} as parent_item_id,
  {{ jint('Level') }} as item_level,
  {{ jdecimal('UnitPrice', 4) }} as unit_price,
  {{ jdecimal('PurchaseCost', 4) }} as unit_cost,
  cast({{ jtext('QtyOnHand') }} as decimal(18, 4)) as quantity_on_hand,
  {{ jbool('TrackQtyOnHand') }} as tracks_quantity,
  {{ jdate('InvStartDate') }} as inventory_start_date,
  {{ jtext('IncomeAccountRef.value') }} as income_account_id,
  {{ jtext('ExpenseAccountRef.value') }} as expense_account_id,
  {{ jtext('AssetAccountRef.value') }} as asset_account_id,
  {{ extra_attributes(mapped) }} as extra_attributes
from versions
