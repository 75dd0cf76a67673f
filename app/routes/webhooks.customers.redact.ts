import { redactCustomerData } from "../services/compliance.server";
import { customersRedactPayload } from "../services/webhook-payloads";
import { webhookAction } from "../services/webhook-receiver.server";

export const action = webhookAction(customersRedactPayload, (tx, { shop, payload }) =>
  redactCustomerData(tx, shop, { customer: payload.customer, ordersToRedact: payload.orders_to_redact }),
);
