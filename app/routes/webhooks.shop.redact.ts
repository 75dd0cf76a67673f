import { redactShop } from "../services/compliance.server";
import { shopRedactPayload } from "../services/webhook-payloads";
import { webhookAction } from "../services/webhook-receiver.server";

export const action = webhookAction(shopRedactPayload, (tx, { shop }) => redactShop(tx, shop));
