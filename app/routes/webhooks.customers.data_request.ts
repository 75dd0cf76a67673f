import { reportCustomerData } from "../services/compliance.server";
import { customersDataRequestPayload } from "../services/webhook-payloads";
import { webhookAction } from "../services/webhook-receiver.server";

export const action = webhookAction(customersDataRequestPayload, (tx, { shop, payload }) =>
  reportCustomerData(tx, shop, {
    customer: payload.customer,
    ordersRequested: payload.orders_requested,
    dataRequestId: payload.data_request.id,
  }),
);
