import { orderWebhookAction } from "../services/order-webhooks.server";

export const action = orderWebhookAction;
