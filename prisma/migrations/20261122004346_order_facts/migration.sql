-- CreateTable
CREATE TABLE "OrderEvent" (
    "webhookId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("webhookId")
);

-- CreateTable
CREATE TABLE "OrderFact" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "presentmentCurrency" TEXT NOT NULL,
    "customerKey" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL,
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "subtotalMinor" INTEGER NOT NULL,
    "totalDiscountMinor" INTEGER NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "test" BOOLEAN NOT NULL,

    CONSTRAINT "OrderFact_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "OrderLineFact" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "discountMinor" INTEGER NOT NULL,
    "properties" JSONB NOT NULL,

    CONSTRAINT "OrderLineFact_pkey" PRIMARY KEY ("shop","lineId")
);

-- CreateTable
CREATE TABLE "OrderRefund" (
    "shop" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderRefund_pkey" PRIMARY KEY ("shop","refundId")
);

-- CreateIndex
CREATE INDEX "OrderEvent_shop_processedAt_idx" ON "OrderEvent"("shop", "processedAt");

-- CreateIndex
CREATE INDEX "OrderFact_shop_processedAt_idx" ON "OrderFact"("shop", "processedAt");

-- CreateIndex
CREATE INDEX "OrderFact_shop_customerKey_idx" ON "OrderFact"("shop", "customerKey");

-- CreateIndex
CREATE INDEX "OrderLineFact_shop_orderId_idx" ON "OrderLineFact"("shop", "orderId");

-- CreateIndex
CREATE INDEX "OrderRefund_shop_orderId_idx" ON "OrderRefund"("shop", "orderId");

-- AddForeignKey
ALTER TABLE "OrderLineFact" ADD CONSTRAINT "OrderLineFact_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "OrderFact"("shop", "orderId") ON DELETE CASCADE ON UPDATE CASCADE;

