import { appUninstalledPayload } from "../services/webhook-payloads";
import { webhookAction } from "../services/webhook-receiver.server";
import { recordShopUninstalled } from "../services/shop-lifecycle.server";

export const action = webhookAction(appUninstalledPayload, (tx, { shop }) => recordShopUninstalled(tx, shop, new Date()));
