-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN,
    "locale" TEXT,
    "collaborator" BOOLEAN,
    "emailVerified" BOOLEAN,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL,
    "scope" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "webhookId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("webhookId")
);

-- CreateTable
CREATE TABLE "ComplianceRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "customerId" TEXT,
    "report" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemoShop" (
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "ianaTimezone" TEXT NOT NULL,
    "primaryLocale" TEXT NOT NULL,
    "seedVersion" INTEGER NOT NULL,

    CONSTRAINT "DemoShop_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "DemoProduct" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "productType" TEXT NOT NULL,
    "tags" TEXT[],
    "status" TEXT NOT NULL,
    "publishedOnlineStore" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoProduct_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "DemoVariant" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "compareAtPriceMinor" INTEGER,
    "unitCostMinor" INTEGER,
    "inventoryQuantity" INTEGER NOT NULL,
    "inventoryPolicy" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DemoVariant_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "DemoCollection" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "handle" TEXT NOT NULL,

    CONSTRAINT "DemoCollection_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "DemoCollectionProduct" (
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DemoCollectionProduct_pkey" PRIMARY KEY ("shop","collectionId","productId")
);

-- CreateTable
CREATE TABLE "DemoCustomer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoCustomer_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "DemoOrder" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "customerId" TEXT,
    "subtotalMinor" INTEGER NOT NULL,
    "totalDiscountMinor" INTEGER NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "test" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DemoOrder_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "DemoOrderLine" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "discountMinor" INTEGER NOT NULL,
    "properties" JSONB NOT NULL,

    CONSTRAINT "DemoOrderLine_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "DemoMetafield" (
    "shop" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoMetafield_pkey" PRIMARY KEY ("shop","ownerId","namespace","key")
);

-- CreateTable
CREATE TABLE "DemoDiscount" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "functionHandle" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "combinesWith" JSONB NOT NULL,
    "discountClasses" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DemoDiscount_pkey" PRIMARY KEY ("shop","id")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_idx" ON "WebhookDelivery"("shop");

-- CreateIndex
CREATE INDEX "ComplianceRequest_shop_receivedAt_idx" ON "ComplianceRequest"("shop", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DemoProduct_shop_handle_key" ON "DemoProduct"("shop", "handle");

-- CreateIndex
CREATE INDEX "DemoVariant_shop_productId_idx" ON "DemoVariant"("shop", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "DemoCollection_shop_handle_key" ON "DemoCollection"("shop", "handle");

-- CreateIndex
CREATE INDEX "DemoCollectionProduct_shop_productId_idx" ON "DemoCollectionProduct"("shop", "productId");

-- CreateIndex
CREATE INDEX "DemoOrder_shop_updatedAt_idx" ON "DemoOrder"("shop", "updatedAt");

-- CreateIndex
CREATE INDEX "DemoOrder_shop_customerId_idx" ON "DemoOrder"("shop", "customerId");

-- CreateIndex
CREATE INDEX "DemoOrderLine_shop_orderId_idx" ON "DemoOrderLine"("shop", "orderId");

-- AddForeignKey
ALTER TABLE "DemoVariant" ADD CONSTRAINT "DemoVariant_shop_productId_fkey" FOREIGN KEY ("shop", "productId") REFERENCES "DemoProduct"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoCollectionProduct" ADD CONSTRAINT "DemoCollectionProduct_shop_collectionId_fkey" FOREIGN KEY ("shop", "collectionId") REFERENCES "DemoCollection"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoCollectionProduct" ADD CONSTRAINT "DemoCollectionProduct_shop_productId_fkey" FOREIGN KEY ("shop", "productId") REFERENCES "DemoProduct"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemoOrderLine" ADD CONSTRAINT "DemoOrderLine_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "DemoOrder"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;
