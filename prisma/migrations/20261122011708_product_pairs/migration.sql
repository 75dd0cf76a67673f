-- CreateTable
CREATE TABLE "ProductPairStat" (
    "shop" TEXT NOT NULL,
    "productA" TEXT NOT NULL,
    "productB" TEXT NOT NULL,
    "pairCount" INTEGER NOT NULL,

    CONSTRAINT "ProductPairStat_pkey" PRIMARY KEY ("shop","productA","productB")
);

-- CreateTable
CREATE TABLE "ProductStatTotal" (
    "shop" TEXT NOT NULL,
    "orderCount" INTEGER NOT NULL,

    CONSTRAINT "ProductStatTotal_pkey" PRIMARY KEY ("shop")
);

-- CreateIndex
CREATE INDEX "ProductPairStat_shop_productB_idx" ON "ProductPairStat"("shop", "productB");

