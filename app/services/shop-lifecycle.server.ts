import type { Prisma } from "@prisma/client";

/** Records an installation (or a re-installation after an uninstall). */
export async function recordShopInstalled(tx: Prisma.TransactionClient, shop: string, scope: string | undefined) {
  await tx.shop.upsert({
    where: { shop },
    create: { shop, scope: scope ?? null },
    update: { scope: scope ?? null, uninstalledAt: null },
  });
}

/**
 * After app/uninstalled the app can no longer call Shopify for this shop: its sessions go, and the shop is marked
 * uninstalled so that nothing keeps running for it. Its data stays until shop/redact, 48 hours later, as Shopify
 * expects, so a quick re-install finds the merchant's offers again.
 */
export async function recordShopUninstalled(tx: Prisma.TransactionClient, shop: string, at: Date) {
  await tx.session.deleteMany({ where: { shop } });
  await tx.shop.upsert({
    where: { shop },
    create: { shop, uninstalledAt: at },
    update: { uninstalledAt: at },
  });
}

/** Keeps the stored sessions' scopes in line with what the merchant granted. */
export async function recordScopesUpdated(tx: Prisma.TransactionClient, shop: string, scopes: string[]) {
  const scope = scopes.join(",");
  await tx.session.updateMany({ where: { shop }, data: { scope } });
  await tx.shop.updateMany({ where: { shop }, data: { scope } });
}
