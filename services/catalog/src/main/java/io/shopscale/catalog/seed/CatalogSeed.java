package io.shopscale.catalog.seed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the demo catalog: believable products across categories, the same every time for the same seed, so
 * benchmarks and tests can name products by SKU or id across machines and runs.
 */
public final class CatalogSeed {

    static final long DEFAULT_SEED = 20_261_127L;
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final String[] BRANDS = {
            "Northwind", "Alder & Finch", "Kestrel", "Lumen", "Harbor", "Verdant", "Oakridge", "Solace", "Brightwell",
            "Cobalt", "Meridian", "Juniper", "Atlas", "Halden", "Nimbus", "Fernhill", "Copperline", "Tidewater",
            "Stonebrook", "Wren"};

    private record Category(String slug, String code, String[] nouns, String[] materials, String[] adjectives,
                            long minPrice, long maxPrice, String[] uses) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category("home-kitchen", "HKT",
                    new String[] {"Chef's Knife", "Cutting Board", "Saucepan", "Frying Pan", "Mixing Bowl Set",
                            "Coffee Grinder", "French Press", "Dutch Oven", "Kettle", "Spice Rack", "Colander",
                            "Baking Sheet"},
                    new String[] {"Stainless Steel", "Cast Iron", "Bamboo", "Ceramic", "Walnut", "Copper", "Glass"},
                    new String[] {"Classic", "Compact", "Professional", "Everyday", "Nonstick", "Heavy-Duty"},
                    1_299, 24_999, new String[] {"weeknight dinners", "weekend baking", "small kitchens"}),
            new Category("lighting", "LGT",
                    new String[] {"Desk Lamp", "Floor Lamp", "Pendant Light", "Table Lamp", "Wall Sconce",
                            "Reading Light", "String Lights", "Night Light"},
                    new String[] {"Brass", "Linen", "Oak", "Matte Black", "Frosted Glass", "Rattan", "Aluminium"},
                    new String[] {"Dimmable", "Adjustable", "Minimalist", "Vintage", "Warm-White", "Cordless"},
                    1_999, 39_999, new String[] {"reading corners", "home offices", "bedrooms"}),
            new Category("furniture", "FRN",
                    new String[] {"Bookshelf", "Coffee Table", "Desk", "Dining Chair", "Side Table", "Bench",
                            "TV Stand", "Nightstand", "Armchair", "Shoe Rack"},
                    new String[] {"Oak", "Walnut", "Pine", "Steel", "Velvet", "Teak", "Birch Plywood"},
                    new String[] {"Mid-Century", "Scandinavian", "Foldable", "Industrial", "Low-Profile", "Modular"},
                    4_999, 89_999, new String[] {"living rooms", "studio apartments", "entryways"}),
            new Category("electronics", "ELC",
                    new String[] {"Wireless Headphones", "Bluetooth Speaker", "USB-C Hub", "Mechanical Keyboard",
                            "Wireless Mouse", "Webcam", "Portable Charger", "Smart Plug", "Monitor Arm",
                            "Noise-Cancelling Earbuds"},
                    new String[] {"Aluminium", "Graphite", "Matte Black", "Silver", "Recycled Plastic", "Fabric"},
                    new String[] {"Pro", "Compact", "Fast-Charging", "Low-Latency", "Travel", "Ergonomic"},
                    1_499, 34_999, new String[] {"remote work", "commutes", "gaming sessions"}),
            new Category("outdoor", "OUT",
                    new String[] {"Camping Tent", "Sleeping Bag", "Hiking Backpack", "Trekking Poles",
                            "Camp Stove", "Headlamp", "Water Bottle", "Hammock", "Folding Chair", "Cooler"},
                    new String[] {"Ripstop Nylon", "Titanium", "Insulated Steel", "Down", "Polyester", "Carbon"},
                    new String[] {"Ultralight", "Waterproof", "4-Season", "Packable", "Rugged", "Insulated"},
                    1_999, 59_999, new String[] {"weekend trips", "long hikes", "backyard evenings"}),
            new Category("apparel", "APP",
                    new String[] {"Rain Jacket", "Wool Sweater", "Oxford Shirt", "Chino Trousers", "Hoodie",
                            "Denim Jacket", "Running Shorts", "Puffer Vest", "T-Shirt", "Flannel Shirt"},
                    new String[] {"Merino Wool", "Organic Cotton", "Linen", "Denim", "Recycled Polyester", "Fleece"},
                    new String[] {"Relaxed-Fit", "Slim-Fit", "Lightweight", "Heavyweight", "Breathable", "Classic"},
                    1_999, 24_999, new String[] {"cool mornings", "city walks", "layering"}),
            new Category("footwear", "FTW",
                    new String[] {"Running Shoes", "Hiking Boots", "Sneakers", "Chelsea Boots", "Sandals",
                            "Slippers", "Trail Runners", "Loafers"},
                    new String[] {"Leather", "Suede", "Knit", "Canvas", "Gore-Tex", "Cork"},
                    new String[] {"Cushioned", "Waterproof", "Lightweight", "Wide-Fit", "Grippy", "Handmade"},
                    3_999, 29_999, new String[] {"daily miles", "muddy trails", "long days on your feet"}),
            new Category("sports-fitness", "SPF",
                    new String[] {"Yoga Mat", "Dumbbell Set", "Resistance Bands", "Jump Rope", "Foam Roller",
                            "Kettlebell", "Pull-Up Bar", "Gym Bag", "Cycling Gloves"},
                    new String[] {"Natural Rubber", "Cast Iron", "Neoprene", "TPE", "Latex", "Nylon"},
                    new String[] {"Non-Slip", "Adjustable", "Extra-Thick", "Portable", "Competition", "Eco"},
                    999, 19_999, new String[] {"home workouts", "recovery days", "strength training"}),
            new Category("beauty", "BTY",
                    new String[] {"Face Serum", "Moisturiser", "Cleansing Balm", "Lip Balm", "Hair Oil",
                            "Sunscreen SPF 50", "Body Lotion", "Hand Cream", "Shampoo Bar"},
                    new String[] {"Vitamin C", "Hyaluronic", "Shea Butter", "Argan", "Aloe", "Oat"},
                    new String[] {"Fragrance-Free", "Hydrating", "Gentle", "Brightening", "Travel-Size", "Vegan"},
                    599, 6_999, new String[] {"sensitive skin", "dry winters", "morning routines"}),
            new Category("toys-games", "TOY",
                    new String[] {"Building Blocks", "Puzzle", "Board Game", "Wooden Train Set", "Plush Bear",
                            "Card Game", "Kite", "Marble Run", "Science Kit"},
                    new String[] {"Beech Wood", "Recycled Cardboard", "Organic Cotton", "Maple", "Felt"},
                    new String[] {"1000-Piece", "Family", "Cooperative", "Educational", "Classic", "Travel"},
                    899, 9_999, new String[] {"rainy afternoons", "family game night", "curious kids"}),
            new Category("books", "BOK",
                    new String[] {"Cookbook", "Field Guide", "Travel Journal", "Sketchbook", "Novel", "Atlas",
                            "Notebook", "Planner"},
                    new String[] {"Hardcover", "Paperback", "Linen-Bound", "Recycled Paper", "Dot-Grid"},
                    new String[] {"Illustrated", "Pocket", "Annotated", "Collector's", "Undated", "Large-Print"},
                    799, 4_999, new String[] {"gifting", "long journeys", "quiet evenings"}),
            new Category("pet-supplies", "PET",
                    new String[] {"Dog Bed", "Cat Tree", "Leash", "Food Bowl", "Chew Toy", "Grooming Brush",
                            "Pet Carrier", "Litter Mat"},
                    new String[] {"Orthopedic Foam", "Sisal", "Stainless Steel", "Natural Rubber", "Canvas"},
                    new String[] {"Washable", "Calming", "Reflective", "Durable", "Travel", "Elevated"},
                    999, 14_999, new String[] {"senior dogs", "indoor cats", "daily walks"}),
            new Category("garden", "GRD",
                    new String[] {"Planter", "Pruning Shears", "Watering Can", "Raised Bed", "Garden Hose",
                            "Seed Starter Kit", "Compost Bin", "Bird Feeder"},
                    new String[] {"Terracotta", "Galvanised Steel", "Cedar", "Recycled Plastic", "Copper"},
                    new String[] {"Self-Watering", "Expandable", "Weatherproof", "Ergonomic", "Balcony", "Heritage"},
                    799, 19_999, new String[] {"balcony gardens", "vegetable patches", "spring planting"}));

    private final long seed;

    public CatalogSeed() {
        this(DEFAULT_SEED);
    }

    CatalogSeed(long seed) {
        this.seed = seed;
    }

    public static List<String> categories() {
        return CATEGORIES.stream().map(Category::slug).toList();
    }

    /** The first {@code count} products; SKUs are numbered per category so they read like real ones. */
    public List<SeedProduct> products(int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SeedProduct> products = new ArrayList<>(count);
        int[] perCategory = new int[CATEGORIES.size()];
        for (int i = 0; i < count; i++) {
            int categoryIndex = i % CATEGORIES.size();
            Category category = CATEGORIES.get(categoryIndex);
            String sku = category.code() + "-" + String.format("%05d", ++perCategory[categoryIndex]);
            String brand = pick(random, BRANDS);
            String adjective = pick(random, category.adjectives());
            String material = pick(random, category.materials());
            String noun = pick(random, category.nouns());
            String name = brand + " " + adjective + " " + material + " " + noun;
            String description = describe(random, category, adjective, material, noun);
            products.add(new SeedProduct(
                    UUID.nameUUIDFromBytes(("shopscale:product:" + sku).getBytes(StandardCharsets.UTF_8)),
                    sku, name, description, category.slug(), price(random, category), "USD",
                    "/images/products/" + sku.toLowerCase() + ".webp",
                    EPOCH.plus(Duration.ofMinutes(37L * i))));
        }
        return products;
    }

    private static String describe(SplittableRandom random, Category category, String adjective, String material,
                                   String noun) {
        String lead = adjective.toLowerCase();
        String article = "aeiou".indexOf(lead.charAt(0)) >= 0 ? "An " : "A ";
        return article + lead + " " + noun.toLowerCase() + " made from " + material.toLowerCase()
                + ", designed for " + pick(random, category.uses()) + ". "
                + pick(random, new String[] {
                        "Built to last and easy to care for.",
                        "Thoughtfully made in small batches.",
                        "Backed by a two-year warranty.",
                        "Ships in plastic-free packaging.",
                        "A customer favourite since launch."});
    }

    // Prices end in .99 or .49 like real shelf prices, inside the category's range.
    private static long price(SplittableRandom random, Category category) {
        long dollars = random.nextLong(category.minPrice() / 100, category.maxPrice() / 100 + 1);
        return dollars * 100 + (random.nextBoolean() ? 99 : 49);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
