-- CreateTable
CREATE TABLE "SalesDay" (
    "shop" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "ordersWithOffer" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "grossMinor" BIGINT NOT NULL,
    "discountMinor" BIGINT NOT NULL,
    "grossWithOfferMinor" BIGINT NOT NULL,
    "discountWithOfferMinor" BIGINT NOT NULL,
    "refundMinor" BIGINT NOT NULL,

    CONSTRAINT "SalesDay_pkey" PRIMARY KEY ("shop","timeZone","day")
);

-- CreateTable
CREATE TABLE "OfferDay" (
    "shop" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "revenueMinor" BIGINT NOT NULL,
    "refundMinor" BIGINT NOT NULL,

    CONSTRAINT "OfferDay_pkey" PRIMARY KEY ("shop","timeZone","day","offerId")
);

-- CreateTable
CREATE TABLE "EventDay" (
    "shop" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "adds" INTEGER NOT NULL,
    "dismissals" INTEGER NOT NULL,

    CONSTRAINT "EventDay_pkey" PRIMARY KEY ("shop","timeZone","day","offerId")
);

-- CreateTable
CREATE TABLE "CustomerCount" (
    "shop" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "customers" INTEGER NOT NULL,
    "returning" INTEGER NOT NULL,

    CONSTRAINT "CustomerCount_pkey" PRIMARY KEY ("shop","start","end")
);

-- CreateTable
CREATE TABLE "DashboardCache" (
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "DashboardCache_pkey" PRIMARY KEY ("shop")
);

-- CreateIndex
CREATE INDEX "CustomerCount_shop_end_idx" ON "CustomerCount"("shop", "end");

