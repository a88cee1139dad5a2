package io.cairn.datagen.domain;

import java.util.List;

/** What a tenant sells: product nouns, product types, a vendor and a price range in whole currency units. */
enum Theme {
    OUTDOOR(List.of("Trail Jacket", "Hiking Boot", "Rain Shell", "Fleece Hoodie", "Wool Beanie", "Camp Mug",
            "Headlamp", "Water Bottle", "Daypack", "Trekking Pole", "Merino Tee", "Down Vest", "Sleeping Bag"),
            List.of("Apparel", "Footwear", "Camping", "Accessories"), "Summit Works", 12, 240),
    HOME(List.of("Linen Sheet Set", "Ceramic Mug", "Cast Iron Pan", "Throw Blanket", "Scented Candle", "Bath Towel",
            "Table Lamp", "Storage Basket", "Cutting Board", "Wine Glass Set", "Pillow Cover", "Tea Kettle"),
            List.of("Bedding", "Kitchen", "Decor", "Bath"), "Hearth & Co", 8, 160),
    OFFICE(List.of("Notebook", "Gel Pen Pack", "Desk Organizer", "Stapler", "Monitor Stand", "Desk Lamp",
            "Sticky Notes", "Binder", "Ergonomic Mouse", "Keyboard", "Whiteboard", "Paper Ream"),
            List.of("Stationery", "Furniture", "Electronics", "Supplies"), "Paperline", 3, 120),
    PHARMACY(List.of("Hand Cream", "Vitamin C Tablets", "Sunscreen SPF 50", "Lip Balm", "Shampoo", "Face Serum",
            "Toothpaste", "Allergy Relief", "First Aid Kit", "Bandages", "Multivitamin", "Cough Drops"),
            List.of("Personal Care", "Health", "Beauty", "First Aid"), "Medica Labs", 3, 60),
    GADGETS(List.of("Wireless Earbuds", "Phone Case", "USB-C Cable", "Power Bank", "Smart Plug", "Bluetooth Speaker",
            "Fitness Band", "Laptop Sleeve", "Webcam", "Wireless Charger", "Screen Protector", "Travel Adapter"),
            List.of("Audio", "Accessories", "Smart Home", "Cables"), "Voltix", 9, 199);

    final List<String> nouns;
    final List<String> types;
    final String vendor;
    final int minPrice;
    final int maxPrice;

    Theme(List<String> nouns, List<String> types, String vendor, int minPrice, int maxPrice) {
        this.nouns = nouns;
        this.types = types;
        this.vendor = vendor;
        this.minPrice = minPrice;
        this.maxPrice = maxPrice;
    }
}
