-- AlterTable
ALTER TABLE "DemoShop" ADD COLUMN     "locales" TEXT[] DEFAULT ARRAY[]::TEXT[];

