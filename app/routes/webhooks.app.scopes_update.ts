import { appScopesUpdatePayload } from "../services/webhook-payloads";
import { webhookAction } from "../services/webhook-receiver.server";
import { recordScopesUpdated } from "../services/shop-lifecycle.server";

export const action = webhookAction(appScopesUpdatePayload, (tx, { shop, payload }) =>
  recordScopesUpdated(tx, shop, payload.current),
);
