-- CreateTable
CREATE TABLE "ProductOrderStat" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "orderCount" INTEGER NOT NULL,

    CONSTRAINT "ProductOrderStat_pkey" PRIMARY KEY ("shop","productId")
);

-- CreateTable
CREATE TABLE "ProductComplement" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "complementId" TEXT NOT NULL,
    "pairCount" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "lift" DOUBLE PRECISION NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "ProductComplement_pkey" PRIMARY KEY ("shop","productId","complementId")
);

-- CreateTable
CREATE TABLE "ComplementOverride" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "complementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplementOverride_pkey" PRIMARY KEY ("shop","productId","complementId")
);

-- CreateTable
CREATE TABLE "RecommendationRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "ordersRead" INTEGER NOT NULL DEFAULT 0,
    "ordersTotal" INTEGER,
    "cappedOrders" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "RecommendationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProductComplement_shop_productId_rank_idx" ON "ProductComplement"("shop", "productId", "rank");

-- CreateIndex
CREATE INDEX "RecommendationRun_shop_startedAt_idx" ON "RecommendationRun"("shop", "startedAt");

