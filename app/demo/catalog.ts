// The demo store's catalog: a kitchen and coffee shop with real-looking products, and the complementary pairs its
// customers tend to buy together (planted in the order history so that recommendations have something to find).

export type VariantAxis = { name: string; values: readonly string[]; priceSteps: readonly number[] };

export type ProductFamily = {
  productType: string;
  vendor: string;
  collection: string;
  titles: readonly string[];
  axis?: VariantAxis;
  /** Base price range in cents (USD) of the first variant. */
  priceRange: readonly [number, number];
  /** Bought more than one at a time. */
  consumable: boolean;
  /** Relative share of purchases. */
  popularity: number;
  tags: readonly string[];
};

export const DEMO_COLLECTIONS = [
  { handle: "coffee", title: "Coffee" },
  { handle: "tea", title: "Tea" },
  { handle: "brewing", title: "Brewing gear" },
  { handle: "drinkware", title: "Mugs & cups" },
  { handle: "cookware", title: "Cookware" },
  { handle: "knives", title: "Knives" },
  { handle: "boards", title: "Cutting boards" },
  { handle: "baking", title: "Baking" },
  { handle: "pantry", title: "Pantry" },
  { handle: "linens", title: "Kitchen linens" },
  { handle: "care", title: "Care & maintenance" },
] as const;

const grind = { name: "Grind", values: ["Whole bean", "Filter", "Espresso"], priceSteps: [0, 0, 0] } as const;
const bagSize = { name: "Size", values: ["250 g", "1 kg"], priceSteps: [0, 2600] } as const;
const tin = { name: "Size", values: ["50 g tin", "100 g tin"], priceSteps: [0, 700] } as const;
const glaze = { name: "Color", values: ["Chalk", "Slate", "Moss", "Terracotta"], priceSteps: [0, 0, 0, 0] } as const;
const linenColor = { name: "Color", values: ["Natural", "Indigo", "Rust"], priceSteps: [0, 0, 0] } as const;
const panSize = { name: "Size", values: ["20 cm", "26 cm", "30 cm"], priceSteps: [0, 1500, 3000] } as const;
const pressSize = { name: "Size", values: ["350 ml", "800 ml", "1 l"], priceSteps: [0, 700, 1200] } as const;

export const DEMO_PRODUCT_FAMILIES: readonly ProductFamily[] = [
  {
    productType: "Coffee",
    vendor: "Copper Kettle Roasters",
    collection: "coffee",
    titles: [
      "Ethiopia Yirgacheffe", "Ethiopia Guji Natural", "Kenya Nyeri AA", "Colombia Huila", "Colombia Decaf Sugarcane",
      "Guatemala Antigua", "Brazil Cerrado", "Sumatra Mandheling", "Costa Rica Tarrazú", "Rwanda Nyamasheke",
      "Peru Cajamarca", "Honduras Marcala", "El Salvador Pacamara", "Burundi Kayanza", "Panama Boquete",
      "House Espresso Blend", "Morning Blend", "Dark Roast Blend", "Swiss Water Decaf", "Seasonal Filter Blend",
    ],
    axis: grind,
    priceRange: [1400, 2400],
    consumable: true,
    popularity: 9,
    tags: ["coffee", "beans"],
  },
  {
    productType: "Coffee",
    vendor: "Copper Kettle Roasters",
    collection: "coffee",
    titles: ["Espresso Blend Bulk", "Morning Blend Bulk", "Decaf Bulk"],
    axis: bagSize,
    priceRange: [1600, 1900],
    consumable: true,
    popularity: 2,
    tags: ["coffee", "bulk"],
  },
  {
    productType: "Tea",
    vendor: "Leaf & Ladle",
    collection: "tea",
    titles: [
      "Earl Grey Cream", "Darjeeling First Flush", "Sencha Kabuse", "Jasmine Pearls", "Rooibos Vanilla", "Chamomile Blossom",
      "English Breakfast", "Tieguanyin Oolong", "Ceremonial Matcha", "Masala Chai", "Peppermint Leaf", "Lapsang Souchong",
      "Genmaicha", "Assam Golden Tips", "Hibiscus Berry",
    ],
    axis: tin,
    priceRange: [900, 2800],
    consumable: true,
    popularity: 5,
    tags: ["tea", "loose leaf"],
  },
  {
    productType: "Coffee brewer",
    vendor: "Fieldwork Brew Co.",
    collection: "brewing",
    titles: [
      "Ceramic Pour-Over Dripper", "Glass Pour-Over Dripper", "Glass Carafe Brewer", "Cold Brew Jar", "Moka Pot 3-Cup",
      "Moka Pot 6-Cup", "Press Brewer", "Siphon Brewer", "Batch Brewer 8-Cup",
    ],
    priceRange: [2200, 9900],
    consumable: false,
    popularity: 3,
    tags: ["brewing"],
  },
  {
    productType: "French press",
    vendor: "Fieldwork Brew Co.",
    collection: "brewing",
    titles: ["Classic French Press", "Double-Wall French Press", "Copper French Press"],
    axis: pressSize,
    priceRange: [2900, 5900],
    consumable: false,
    popularity: 3,
    tags: ["brewing", "french press"],
  },
  {
    productType: "Coffee tool",
    vendor: "Fieldwork Brew Co.",
    collection: "brewing",
    titles: [
      "Stovetop Gooseneck Kettle", "Electric Gooseneck Kettle", "Coffee Scale with Timer", "Hand Burr Grinder",
      "Electric Burr Grinder", "Espresso Tamper 58 mm", "Milk Frothing Pitcher", "Knock Box", "Tea Infuser Basket",
      "Cast Iron Teapot", "Glass Teapot with Infuser", "Coffee Canister", "Coffee Dosing Cup", "Distribution Tool",
      "Cleaning Brush Set",
    ],
    priceRange: [1500, 18900],
    consumable: false,
    popularity: 3,
    tags: ["brewing", "tools"],
  },
  {
    productType: "Coffee filters",
    vendor: "Fieldwork Brew Co.",
    collection: "brewing",
    titles: [
      "Paper Filters Size 02 (100)", "Paper Filters Size 01 (100)", "Carafe Brewer Filters (100)", "Stainless Mesh Filter",
      "Cold Brew Filter Bags (50)", "Moka Pot Gasket Set",
    ],
    priceRange: [600, 1800],
    consumable: true,
    popularity: 4,
    tags: ["brewing", "filters"],
  },
  {
    productType: "Mug",
    vendor: "Hearth Pottery",
    collection: "drinkware",
    titles: [
      "Stoneware Mug", "Tall Stoneware Mug", "Latte Bowl", "Espresso Cup", "Cappuccino Cup & Saucer", "Tumbler Cup",
      "Handleless Tea Cup", "Camp Mug",
    ],
    axis: glaze,
    priceRange: [1400, 3200],
    consumable: false,
    popularity: 4,
    tags: ["drinkware", "stoneware"],
  },
  {
    productType: "Glassware",
    vendor: "Hearth Pottery",
    collection: "drinkware",
    titles: ["Double-Wall Glass 250 ml", "Double-Wall Glass 350 ml", "Cortado Glass Set", "Insulated Travel Tumbler", "Carafe 1 l",
      "Iced Coffee Glass Set", "Tea Glass with Lid"],
    priceRange: [1600, 4200],
    consumable: false,
    popularity: 2,
    tags: ["drinkware", "glass"],
  },
  {
    productType: "Skillet",
    vendor: "Ironside Foundry",
    collection: "cookware",
    titles: ["Cast Iron Skillet", "Carbon Steel Pan", "Stainless Frying Pan", "Ceramic Non-Stick Pan", "Cast Iron Grill Pan"],
    axis: panSize,
    priceRange: [3900, 8900],
    consumable: false,
    popularity: 4,
    tags: ["cookware"],
  },
  {
    productType: "Pot",
    vendor: "Ironside Foundry",
    collection: "cookware",
    titles: [
      "Enameled Dutch Oven 4 l", "Enameled Dutch Oven 6 l", "Stainless Saucepan 2 l", "Stainless Stockpot 8 l",
      "Carbon Steel Wok", "Braiser 3.5 l", "Copper Sauté Pan", "Cast Iron Bread Oven",
    ],
    priceRange: [5900, 29900],
    consumable: false,
    popularity: 3,
    tags: ["cookware"],
  },
  {
    productType: "Cookware care",
    vendor: "Ironside Foundry",
    collection: "care",
    titles: [
      "Cast Iron Seasoning Oil", "Chainmail Scrubber", "Pan Scraper Set", "Bamboo Wok Brush", "Copper Polish",
      "Enamel Cleaner", "Silicone Handle Sleeve",
    ],
    priceRange: [700, 1900],
    consumable: true,
    popularity: 3,
    tags: ["care"],
  },
  ...["Kasumi", "Nordic", "Forge"].map(
    (series, index): ProductFamily => ({
      productType: "Kitchen knife",
      vendor: `${series} Cutlery`,
      collection: "knives",
      titles: [`${series} Chef's Knife 20 cm`, `${series} Santoku`, `${series} Paring Knife`, `${series} Bread Knife`,
        `${series} Utility Knife`, `${series} Nakiri`],
      priceRange: [4900 + index * 3000, 16900 + index * 4000],
      consumable: false,
      popularity: 3,
      tags: ["knives", series.toLowerCase()],
    }),
  ),
  {
    productType: "Knife care",
    vendor: "Kasumi Cutlery",
    collection: "care",
    titles: ["Whetstone 1000/6000", "Whetstone 3000/8000", "Ceramic Honing Rod", "Magnetic Knife Strip", "Knife Guard Set",
      "Leather Knife Roll"],
    priceRange: [1500, 6900],
    consumable: false,
    popularity: 2,
    tags: ["care", "knives"],
  },
  {
    productType: "Cutting board",
    vendor: "Grain & Grove",
    collection: "boards",
    titles: ["End-Grain Walnut Board", "End-Grain Maple Board", "Olive Wood Board", "Oak Serving Board", "Bamboo Prep Board",
      "Cherry Bread Board", "Teak Carving Board"],
    priceRange: [3400, 14900],
    consumable: false,
    popularity: 3,
    tags: ["boards"],
  },
  {
    productType: "Board care",
    vendor: "Grain & Grove",
    collection: "care",
    titles: ["Board Oil", "Board Cream Beeswax", "Board Scraper"],
    priceRange: [900, 1600],
    consumable: true,
    popularity: 2,
    tags: ["care", "boards"],
  },
  {
    productType: "Bakeware",
    vendor: "Rise Bakehouse Supply",
    collection: "baking",
    titles: [
      "Sourdough Banneton Round", "Sourdough Banneton Oval", "Bread Lame", "Dough Scraper", "Bench Knife", "Baking Steel",
      "Loaf Tin 900 g", "Pullman Loaf Pan", "Proofing Box", "Sourdough Starter Jar", "Rolling Pin Beech",
      "Pastry Brush", "Cooling Rack", "Half Sheet Pan", "Pie Dish Stoneware", "Bread Flour 5 kg", "Rye Flour 2 kg",
      "Digital Probe Thermometer", "Silicone Baking Mat", "Couche Linen",
    ],
    priceRange: [900, 8900],
    consumable: false,
    popularity: 3,
    tags: ["baking"],
  },
  {
    productType: "Pantry",
    vendor: "Provisions Market",
    collection: "pantry",
    titles: [
      "Flaky Sea Salt", "Smoked Sea Salt", "Tellicherry Peppercorns", "Extra Virgin Olive Oil 500 ml", "Aged Balsamic Vinegar",
      "Sherry Vinegar", "Dark Chocolate 72%", "Milk Chocolate Sea Salt", "Almond Biscotti", "Butter Shortbread",
      "Wildflower Honey", "Dark Maple Syrup", "Stroopwafels", "Chili Crisp", "Sourdough Crackers", "Vanilla Beans (5)",
      "Cinnamon Sticks", "Smoked Paprika", "Saffron 1 g", "Dried Porcini", "Raw Cane Sugar", "Espresso Chocolate Bark",
      "Hazelnut Spread", "Anchovy Fillets", "Pistachio Cream", "Black Garlic", "Truffle Salt", "Preserved Lemons",
      "Marcona Almonds", "Candied Orange Peel", "Fig Jam", "Apricot Preserves", "Sumac", "Za'atar", "Fleur de Sel",
    ],
    priceRange: [500, 2900],
    consumable: true,
    popularity: 6,
    tags: ["pantry", "food"],
  },
  {
    productType: "Linens",
    vendor: "Hearth Pottery",
    collection: "linens",
    titles: ["Linen Apron", "Cross-Back Apron", "Tea Towel Set", "Oven Mitt", "Pot Holder Pair", "Linen Napkins (4)",
      "Table Runner", "Bread Bag"],
    axis: linenColor,
    priceRange: [1200, 4800],
    consumable: false,
    popularity: 2,
    tags: ["linens"],
  },
];

/**
 * Pairs planted in the order history: a basket that holds the first product gains the second with this probability.
 * Titles refer to DEMO_PRODUCT_FAMILIES.
 */
export const DEMO_COMPLEMENTS: readonly (readonly [string, string, number])[] = [
  ["Ceramic Pour-Over Dripper", "Paper Filters Size 02 (100)", 0.55],
  ["Glass Pour-Over Dripper", "Paper Filters Size 02 (100)", 0.5],
  ["Glass Carafe Brewer", "Carafe Brewer Filters (100)", 0.55],
  ["Cold Brew Jar", "Cold Brew Filter Bags (50)", 0.5],
  ["Classic French Press", "Morning Blend", 0.35],
  ["Moka Pot 3-Cup", "House Espresso Blend", 0.4],
  ["Moka Pot 6-Cup", "Moka Pot Gasket Set", 0.3],
  ["Espresso Tamper 58 mm", "Milk Frothing Pitcher", 0.4],
  ["Stovetop Gooseneck Kettle", "Coffee Scale with Timer", 0.35],
  ["Electric Gooseneck Kettle", "Ceramic Pour-Over Dripper", 0.3],
  ["Hand Burr Grinder", "Ethiopia Yirgacheffe", 0.3],
  ["Cast Iron Skillet", "Cast Iron Seasoning Oil", 0.5],
  ["Cast Iron Skillet", "Chainmail Scrubber", 0.35],
  ["Carbon Steel Wok", "Bamboo Wok Brush", 0.45],
  ["Kasumi Chef's Knife 20 cm", "Whetstone 1000/6000", 0.45],
  ["Nordic Chef's Knife 20 cm", "End-Grain Walnut Board", 0.35],
  ["End-Grain Walnut Board", "Board Oil", 0.5],
  ["End-Grain Maple Board", "Board Cream Beeswax", 0.45],
  ["Sourdough Banneton Round", "Bread Lame", 0.5],
  ["Sourdough Banneton Oval", "Dough Scraper", 0.45],
  ["Cast Iron Bread Oven", "Bread Flour 5 kg", 0.35],
  ["Cast Iron Teapot", "Darjeeling First Flush", 0.35],
  ["Glass Teapot with Infuser", "Jasmine Pearls", 0.4],
  ["Ceremonial Matcha", "Handleless Tea Cup", 0.3],
  ["Espresso Cup", "Almond Biscotti", 0.35],
  ["Extra Virgin Olive Oil 500 ml", "Aged Balsamic Vinegar", 0.4],
];
