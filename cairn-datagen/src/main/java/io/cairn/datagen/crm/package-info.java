/** CRM customer exports delivered as CSV, with columns that appear unannounced. */
package io.cairn.datagen.crm;
