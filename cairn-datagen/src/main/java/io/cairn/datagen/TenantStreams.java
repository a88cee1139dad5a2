package io.cairn.datagen;

import io.cairn.datagen.crm.CrmCustomers;
import io.cairn.datagen.domain.TenantContext;
import io.cairn.datagen.ecommerce.EcommerceOrders;
import io.cairn.datagen.engine.DefectPlanner;
import io.cairn.datagen.engine.RecordModel;
import io.cairn.datagen.inventory.InventorySnapshots;
import io.cairn.datagen.pos.PosTransactions;
import io.cairn.datagen.quickbooks.QboAccounts;
import io.cairn.datagen.quickbooks.QboCustomers;
import io.cairn.datagen.quickbooks.QboInvoices;
import io.cairn.datagen.quickbooks.QboItems;
import io.cairn.datagen.quickbooks.QboPayments;
import io.cairn.datagen.quickbooks.QboPurchases;
import io.cairn.datagen.quickbooks.QboSalesReceipts;
import io.cairn.datagen.shopify.ShopifyCustomers;
import io.cairn.datagen.shopify.ShopifyInventoryLevels;
import io.cairn.datagen.shopify.ShopifyOrders;
import io.cairn.datagen.shopify.ShopifyProducts;
import io.cairn.datagen.shopify.ShopifyRefunds;

import java.util.ArrayList;
import java.util.List;

/** The record models of one tenant's sources, in a fixed order. */
final class TenantStreams {
    private TenantStreams() {
    }

    static List<RecordModel> of(TenantContext ctx) {
        List<RecordModel> models = new ArrayList<>();
        for (String source : ctx.profile().sources()) {
            models.addAll(source(ctx, source));
        }
        return models;
    }

    private static List<RecordModel> source(TenantContext ctx, String source) {
        return switch (source) {
            case "shopify" -> shopify(ctx);
            case "quickbooks" -> quickbooks(ctx);
            case "pos" -> List.of(new PosTransactions(ctx));
            case "ecommerce" -> List.of(new EcommerceOrders(ctx));
            case "crm" -> List.of(new CrmCustomers(ctx));
            case "inventory" -> List.of(new InventorySnapshots(ctx));
            default -> throw new IllegalArgumentException("unknown source: " + source);
        };
    }

    private static List<RecordModel> shopify(TenantContext ctx) {
        ShopifyOrders orders = new ShopifyOrders(ctx);
        return List.of(orders, new ShopifyRefunds(ctx, orders, planner(ctx, orders)), new ShopifyCustomers(ctx),
                new ShopifyProducts(ctx), new ShopifyInventoryLevels(ctx));
    }

    private static List<RecordModel> quickbooks(TenantContext ctx) {
        QboInvoices invoices = new QboInvoices(ctx);
        return List.of(new QboAccounts(ctx), new QboCustomers(ctx), new QboItems(ctx), invoices,
                new QboPayments(ctx, invoices, planner(ctx, invoices)), new QboPurchases(ctx),
                new QboSalesReceipts(ctx));
    }

    static DefectPlanner planner(TenantContext ctx, RecordModel model) {
        return new DefectPlanner(ctx.seed(), ctx.index(), model.spec(), ctx.period(), true);
    }
}
