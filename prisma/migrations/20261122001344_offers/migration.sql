-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "startsOn" TEXT,
    "endsOn" TEXT,
    "definition" JSONB NOT NULL,
    "texts" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "OfferPublication" (
    "shop" TEXT NOT NULL,
    "discountId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "configBytes" INTEGER,
    "pending" BOOLEAN NOT NULL DEFAULT true,
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferPublication_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL,
    "maxOffersShown" INTEGER NOT NULL DEFAULT 3,
    "defaultPlacements" TEXT[] DEFAULT ARRAY['product_page', 'cart', 'checkout', 'thank_you']::TEXT[],
    "dismissalDays" INTEGER NOT NULL DEFAULT 30,
    "combinesWithProduct" BOOLEAN NOT NULL DEFAULT false,
    "combinesWithOrder" BOOLEAN NOT NULL DEFAULT false,
    "combinesWithShipping" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateIndex
CREATE INDEX "Offer_shop_status_idx" ON "Offer"("shop", "status");

