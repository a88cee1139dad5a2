/** Point-of-sale till receipts of the tenant's stores. */
package io.cairn.datagen.pos;
