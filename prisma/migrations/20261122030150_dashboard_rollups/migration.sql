-- AlterTable
ALTER TABLE "OrderFact" ADD COLUMN     "previousOrderAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DemoRefund" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "amountMinor" INTEGER NOT NULL,

    CONSTRAINT "DemoRefund_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "SalesBucket" (
    "shop" TEXT NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "orders" INTEGER NOT NULL,
    "ordersWithOffer" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "grossMinor" INTEGER NOT NULL,
    "discountMinor" INTEGER NOT NULL,
    "grossWithOfferMinor" INTEGER NOT NULL,
    "discountWithOfferMinor" INTEGER NOT NULL,
    "refundMinor" INTEGER NOT NULL,

    CONSTRAINT "SalesBucket_pkey" PRIMARY KEY ("shop","bucketStart")
);

-- CreateTable
CREATE TABLE "OfferBucket" (
    "shop" TEXT NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "offerId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "revenueMinor" INTEGER NOT NULL,
    "refundMinor" INTEGER NOT NULL,

    CONSTRAINT "OfferBucket_pkey" PRIMARY KEY ("shop","bucketStart","offerId")
);

-- CreateTable
CREATE TABLE "OfferEventBucket" (
    "shop" TEXT NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "offerId" TEXT NOT NULL,
    "placement" TEXT NOT NULL,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "adds" INTEGER NOT NULL DEFAULT 0,
    "dismissals" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OfferEventBucket_pkey" PRIMARY KEY ("shop","bucketStart","offerId","placement")
);

-- CreateIndex
CREATE INDEX "DemoRefund_shop_orderId_idx" ON "DemoRefund"("shop", "orderId");

-- AddForeignKey
ALTER TABLE "DemoRefund" ADD CONSTRAINT "DemoRefund_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "DemoOrder"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma's schema cannot express a partial index): the repeat purchase rate counts a period's
-- orders from this index alone (docs/decisions/0008-dashboard-rollups.md).
CREATE INDEX "OrderFact_customer_orders_idx" ON "OrderFact"("shop", "processedAt") INCLUDE ("previousOrderAt") WHERE NOT "test" AND "customerKey" IS NOT NULL;
