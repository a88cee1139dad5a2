package io.cairn.datagen.quickbooks;

import java.util.List;

/**
 * One account of the chart every tenant's QuickBooks company uses.
 *
 * @param minSpend smallest purchase line on an expense account (0 for accounts purchases never hit)
 */
record QboAccount(String id, String name, String classification, String type, String subType, int minSpend,
                  int maxSpend, int weight) {
    static final List<QboAccount> CHART = List.of(
            new QboAccount("1", "Checking", "Asset", "Bank", "Checking", 0, 0, 0),
            new QboAccount("2", "Savings", "Asset", "Bank", "Savings", 0, 0, 0),
            new QboAccount("3", "Undeposited Funds", "Asset", "Other Current Asset", "UndepositedFunds", 0, 0, 0),
            new QboAccount("4", "Accounts Receivable (A/R)", "Asset", "Accounts Receivable", "AccountsReceivable",
                    0, 0, 0),
            new QboAccount("5", "Inventory Asset", "Asset", "Other Current Asset", "Inventory", 0, 0, 0),
            new QboAccount("6", "Mastercard", "Liability", "Credit Card", "CreditCard", 0, 0, 0),
            new QboAccount("7", "Accounts Payable (A/P)", "Liability", "Accounts Payable", "AccountsPayable", 0, 0, 0),
            new QboAccount("8", "Sales of Product Income", "Revenue", "Income", "SalesOfProductIncome", 0, 0, 0),
            new QboAccount("9", "Cost of Goods Sold", "Expense", "Cost of Goods Sold", "SuppliesMaterialsCogs",
                    200, 4000, 3),
            new QboAccount("10", "Advertising", "Expense", "Expense", "AdvertisingPromotional", 40, 900, 3),
            new QboAccount("11", "Rent or Lease", "Expense", "Expense", "RentOrLeaseOfBuildings", 1500, 4500, 1),
            new QboAccount("12", "Utilities", "Expense", "Expense", "Utilities", 60, 600, 2),
            new QboAccount("13", "Office Supplies", "Expense", "Expense", "OfficeGeneralAdministrativeExpenses",
                    10, 300, 4),
            new QboAccount("14", "Shipping and delivery expense", "Expense", "Expense", "ShippingFreightDelivery",
                    20, 450, 4),
            new QboAccount("15", "Meals and Entertainment", "Expense", "Expense", "EntertainmentMeals", 15, 160, 3),
            new QboAccount("16", "Software Subscriptions", "Expense", "Expense", "OtherMiscellaneousServiceCost",
                    20, 500, 2),
            new QboAccount("17", "Insurance", "Expense", "Expense", "Insurance", 100, 900, 1),
            new QboAccount("18", "Sales Tax Payable", "Liability", "Other Current Liability", "SalesTaxPayable",
                    0, 0, 0));

    static final QboAccount CHECKING = CHART.get(0);
    static final QboAccount UNDEPOSITED = CHART.get(2);
    static final QboAccount MASTERCARD = CHART.get(5);
    static final QboAccount INCOME = CHART.get(7);
    static final QboAccount COGS = CHART.get(8);
    static final QboAccount INVENTORY = CHART.get(4);

    /** An expense account for a purchase line, weighted by how often businesses spend on it. */
    static QboAccount expense(io.cairn.datagen.engine.Rng rng) {
        int total = CHART.stream().mapToInt(QboAccount::weight).sum();
        int roll = rng.nextInt(total);
        for (QboAccount account : CHART) {
            roll -= account.weight();
            if (roll < 0) {
                return account;
            }
        }
        return COGS;
    }
}
