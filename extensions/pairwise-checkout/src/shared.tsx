/** @jsxImportSource preact */
// What both targets share: calling the app with the session token, money in the buyer's format, remembered
// dismissals, the loading skeleton and a product row.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { I18n, SessionToken, Storage } from "@shopify/ui-extensions/checkout";
import { MAX_EVENTS_PER_BATCH } from "../../../app/domain/metrics/attribution";
import { currencyExponent, type Money } from "../../../app/domain/money";

/** The app's public URL: shopify.app.toml's application_url (a test keeps them equal). */
export const APP_URL = "https://example.com";

export async function postToApp<T>(sessionToken: SessionToken, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${APP_URL}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await sessionToken.get()}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The app's answer to `body` at `path`, asked again whenever the body changes; null without a body, or when the app
 * did not answer (offers are extra: checkout goes on without them). `loading` until the first answer.
 */
export function useAppAnswer<T>(sessionToken: SessionToken, path: string, body: unknown): { answer: T | null; loading: boolean } {
  const key = JSON.stringify(body);
  const [answer, setAnswer] = useState<T | null>(null);
  const [loading, setLoading] = useState(body !== null);
  useEffect(() => {
    if (body === null) {
      setAnswer(null);
      setLoading(false);
      return;
    }
    let current = true;
    postToApp<T>(sessionToken, path, body).then(
      (value) => current && setAnswer(value),
      () => current && setAnswer(null),
    ).finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key]);
  return { answer, loading };
}

type EventType = "impression" | "click" | "add" | "dismiss";
/** How long events wait to be sent together: a checkout shows a few offers at once. */
const EVENT_BATCH_MS = 1_000;

/**
 * Reports what the buyer did with offers for the dashboard, batched (at most one request a second, 100 events) and
 * without personal data; each offer's impression once. Reporting never gets in the buyer's way.
 */
export function useEventReporter(sessionToken: SessionToken, placement: "checkout" | "thank_you") {
  // One reporter for the extension's lifetime: its record of impressions already counted must survive re-renders.
  const [report] = useState(() => {
    let pending: { offerId: string; type: EventType; placement: string; at: string }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const seen = new Set<string>();
    const send = () => {
      timer = null;
      const events = pending;
      pending = [];
      if (events.length > 0) void postToApp(sessionToken, "/api/checkout/events", { events }).catch(() => undefined);
    };
    return (offerId: string, type: EventType) => {
      if (type === "impression") {
        if (seen.has(offerId)) return;
        seen.add(offerId);
      }
      if (pending.length < MAX_EVENTS_PER_BATCH) pending.push({ offerId, type, placement, at: new Date().toISOString() });
      timer ??= setTimeout(send, EVENT_BATCH_MS);
    };
  });
  return report;
}

export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyExponent(currency));
}

export function formatMoney(i18n: I18n, money: Money): string {
  return i18n.formatCurrency(money.amountMinor / 10 ** currencyExponent(money.currency), { currency: money.currency });
}

const DISMISSED_KEY = "pairwise-dismissed";
const DAY_MS = 86_400_000;
type Dismissed = Record<string, number>;

/**
 * What the buyer hid, and for how long (epoch ms per key) in the extension's storage; with 0 days a dismissal lasts
 * only while the page is open. `ready` turns true once storage was read, so hidden offers never flash in.
 */
export function useDismissals(storage: Storage) {
  const [stored, setStored] = useState<Dismissed | null>(null);
  const [session, setSession] = useState<string[]>([]);
  useEffect(() => {
    storage.read<Dismissed>(DISMISSED_KEY).then(
      (value) => setStored(value ?? {}),
      () => setStored({}),
    );
  }, []);
  const now = Date.now();
  return {
    ready: stored !== null,
    isDismissed: (key: string) => session.includes(key) || (stored?.[key] ?? 0) > now,
    dismiss: (key: string, days: number) => {
      setSession((keys) => [...keys, key]);
      if (days <= 0 || !stored) return;
      const kept = Object.fromEntries(Object.entries(stored).filter(([, until]) => until > now));
      const next = { ...kept, [key]: now + days * DAY_MS };
      setStored(next);
      void storage.write(DISMISSED_KEY, next).catch(() => undefined);
    },
  };
}

/** Holds the place of the offers while they load, so checkout does not shift when they arrive. */
export function Skeleton({ heading }: { heading: string }) {
  return (
    <s-section heading={heading}>
      <s-stack gap="base">
        <s-skeleton-paragraph />
        <s-skeleton-paragraph />
      </s-stack>
    </s-section>
  );
}

export function ProductRow(props: { title: string; price: string | null; compareAtPrice: string | null; children: ComponentChildren }) {
  return (
    <s-stack direction="inline" gap="base" alignItems="center" justifyContent="space-between">
      <s-stack gap="none">
        <s-text>{props.title}</s-text>
        <s-stack direction="inline" gap="small-200">
          {props.compareAtPrice && <s-text type="redundant" color="subdued">{props.compareAtPrice}</s-text>}
          {props.price && <s-text color="subdued">{props.price}</s-text>}
        </s-stack>
      </s-stack>
      <s-stack direction="inline" gap="small-200" alignItems="center">
        {props.children}
      </s-stack>
    </s-stack>
  );
}

/** Hides an offer for the buyer: a secondary button named for what it hides. */
export function DismissButton(props: { i18n: I18n; title: string; onDismiss: () => void }) {
  return (
    <s-button variant="secondary" accessibilityLabel={props.i18n.translate("dismissLabel", { title: props.title })} onClick={props.onDismiss}>
      {props.i18n.translate("dismiss")}
    </s-button>
  );
}
