-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "recommendationHalfLifeDays" INTEGER,
ADD COLUMN     "substitutePricePercent" INTEGER NOT NULL DEFAULT 25;

-- AlterTable
-- Existing counts start unweighted (what they are without a half-life).
ALTER TABLE "ProductOrderStat" ADD COLUMN     "weightedCount" DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE "ProductOrderStat" SET "weightedCount" = "orderCount";
ALTER TABLE "ProductOrderStat" ALTER COLUMN "weightedCount" DROP DEFAULT;

-- AlterTable
-- Existing counts start unweighted (what they are without a half-life).
ALTER TABLE "ProductPairStat" ADD COLUMN     "weightedCount" DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE "ProductPairStat" SET "weightedCount" = "pairCount";
ALTER TABLE "ProductPairStat" ALTER COLUMN "weightedCount" DROP DEFAULT;

-- AlterTable
-- Existing counts start unweighted (what they are without a half-life).
ALTER TABLE "ProductStatTotal" ADD COLUMN     "weightedCount" DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE "ProductStatTotal" SET "weightedCount" = "orderCount";
ALTER TABLE "ProductStatTotal" ALTER COLUMN "weightedCount" DROP DEFAULT;

-- CreateTable
CREATE TABLE "ProductTripleRule" (
    "shop" TEXT NOT NULL,
    "productA" TEXT NOT NULL,
    "productB" TEXT NOT NULL,
    "complementId" TEXT NOT NULL,
    "tripleCount" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "lift" DOUBLE PRECISION NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "ProductTripleRule_pkey" PRIMARY KEY ("shop","productA","productB","complementId")
);

-- CreateTable
CREATE TABLE "OrderBackfill" (
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "operationId" TEXT,
    "resultUrl" TEXT,
    "ordersTotal" INTEGER,
    "ordersExported" INTEGER NOT NULL DEFAULT 0,
    "linesRead" INTEGER NOT NULL DEFAULT 0,
    "ordersImported" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "OrderBackfill_pkey" PRIMARY KEY ("shop")
);

