import { Banner, List } from "@shopify/polaris";
import type { PublishResult } from "../services/offer-publisher.server";

/** What publishing to Shopify did, in the merchant's words; a failure says what to do next. */
export function PublishBanner({ result, onRetry }: { result: PublishResult; onRetry?: () => void }) {
  if (result.ok) {
    return (
      <Banner tone="success" title="Published to your store">
        <p>
          {result.activeOffers} active {result.activeOffers === 1 ? "offer applies" : "offers apply"} at checkout.
        </p>
      </Banner>
    );
  }
  return (
    <Banner
      tone="critical"
      title="Your changes are saved but not yet live in your store"
      {...(onRetry ? { action: { content: "Publish again", onAction: onRetry } } : {})}
    >
      <p>{result.message}</p>
      {result.largestOffers.length > 0 && (
        <List>
          {result.largestOffers.map((offer) => (
            <List.Item key={offer.id}>
              {offer.title}: {offer.bytes.toLocaleString()} bytes
            </List.Item>
          ))}
        </List>
      )}
    </Banner>
  );
}
