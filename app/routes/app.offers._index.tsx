import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  EmptyState,
  IndexFilters,
  IndexTable,
  InlineStack,
  Modal,
  Page,
  Text,
  useIndexResourceState,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
} from "@shopify/polaris";
import { useMemo, useState } from "react";
import { PublishBanner } from "../components/PublishBanner";
import { displayStatus, OFFER_KIND_LABELS, type DisplayStatus } from "../domain/offer-form";
import { PLACEMENT_LABELS } from "../domain/settings-form";
import { requireAdmin } from "../services/admin-context.server";
import { applyBulkAction, loadOffersIndex } from "../services/offer-editor.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  return loadOffersIndex(admin, new Date());
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = await request.formData();
  return applyBulkAction(admin, form.get("intent"), form.get("ids"), new Date());
};

const STATUS_TONES: Record<DisplayStatus, "success" | "info" | "attention" | "critical" | undefined> = {
  active: "success",
  scheduled: "info",
  paused: "attention",
  expired: "critical",
  draft: undefined,
};

type SortKey = "priority" | "title" | "updated";

export default function OffersIndex() {
  const { offers, today, publication, ordersLast30Days } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [statusFilter, setStatusFilter] = useState<string[]>([]);
  const [kindFilter, setKindFilter] = useState<string[]>([]);
  const [sort, setSort] = useState<SortKey[]>(["priority"]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { mode, setMode } = useSetIndexFiltersMode();

  const rows = useMemo(() => {
    const filtered = offers
      .map((stored) => ({ ...stored, status: displayStatus(stored.offer, today) }))
      .filter((row) => row.offer.title.toLowerCase().includes(query.toLowerCase()))
      .filter((row) => statusFilter.length === 0 || statusFilter.includes(row.status))
      .filter((row) => kindFilter.length === 0 || kindFilter.includes(row.offer.kind));
    const key = sort[0] ?? "priority";
    return filtered.sort((a, b) =>
      key === "title" ? a.offer.title.localeCompare(b.offer.title) : key === "updated" ? (b.updatedAt > a.updatedAt ? 1 : -1) : b.offer.priority - a.offer.priority,
    );
  }, [offers, today, query, statusFilter, kindFilter, sort]);

  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows);
  const submitBulk = (intent: string) => {
    fetcher.submit({ intent, ids: JSON.stringify(selectedResources) }, { method: "post" });
    clearSelection();
  };

  if (offers.length === 0) {
    return (
      <Page title="Offers">
        <Card>
          <EmptyState
            heading="Create your first bundle"
            action={{ content: "Create a bundle", url: "/app/offers/new/fixed_bundle" }}
            secondaryAction={{ content: "Import offers", url: "/app/offers/import" }}
            image=""
          >
            <p>Bundle products that go together and give a saving when they are bought at once. Customers see it on the product page, in the cart and at checkout.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const filters: IndexFiltersProps["filters"] = [
    {
      key: "status",
      label: "Status",
      filter: (
        <ChoiceList
          title="Status"
          titleHidden
          allowMultiple
          choices={(["active", "scheduled", "draft", "paused", "expired"] as const).map((value) => ({ label: value[0]?.toUpperCase() + value.slice(1), value }))}
          selected={statusFilter}
          onChange={setStatusFilter}
        />
      ),
      shortcut: true,
    },
    {
      key: "kind",
      label: "Type",
      filter: (
        <ChoiceList
          title="Type"
          titleHidden
          allowMultiple
          choices={Object.entries(OFFER_KIND_LABELS).map(([value, label]) => ({ label, value }))}
          selected={kindFilter}
          onChange={setKindFilter}
        />
      ),
      shortcut: true,
    },
  ];
  const appliedFilters: IndexFiltersProps["appliedFilters"] = [
    ...(statusFilter.length > 0 ? [{ key: "status", label: `Status: ${statusFilter.join(", ")}`, onRemove: () => setStatusFilter([]) }] : []),
    ...(kindFilter.length > 0 ? [{ key: "kind", label: `Type: ${kindFilter.map((k) => OFFER_KIND_LABELS[k as keyof typeof OFFER_KIND_LABELS]).join(", ")}`, onRemove: () => setKindFilter([]) }] : []),
  ];

  return (
    <Page
      title="Offers"
      primaryAction={{ content: "Create offer", url: "/app/offers/new" }}
      secondaryActions={[
        { content: "Import", url: "/app/offers/import" },
        { content: "Export", url: "/app/offers/export", external: true },
      ]}
    >
      <BlockStack gap="400">
        {fetcher.data &&
          (fetcher.data.ok ? (
            fetcher.data.publish && <PublishBanner result={fetcher.data.publish} onRetry={() => fetcher.submit({ intent: "publish" }, { method: "post" })} />
          ) : (
            <Text as="p" tone="critical">
              {fetcher.data.error}
            </Text>
          ))}
        {!fetcher.data && publication?.pending && publication.lastError && (
          <PublishBanner result={{ ok: false, message: publication.lastError, userErrors: [], largestOffers: [] }} onRetry={() => fetcher.submit({ intent: "publish" }, { method: "post" })} />
        )}
        <Card padding="0">
          <IndexFilters
            queryValue={query}
            queryPlaceholder="Search offers"
            onQueryChange={setQuery}
            onQueryClear={() => setQuery("")}
            sortOptions={[
              { label: "Priority", value: "priority desc", directionLabel: "Highest first" },
              { label: "Title", value: "title asc", directionLabel: "A–Z" },
              { label: "Updated", value: "updated desc", directionLabel: "Newest first" },
            ]}
            sortSelected={[`${sort[0] ?? "priority"} ${sort[0] === "title" ? "asc" : "desc"}`]}
            onSort={(selected) => setSort([(selected[0]?.split(" ")[0] ?? "priority") as SortKey])}
            filters={filters}
            appliedFilters={appliedFilters}
            onClearAll={() => {
              setStatusFilter([]);
              setKindFilter([]);
            }}
            mode={mode}
            setMode={setMode}
            tabs={[]}
            selected={0}
            canCreateNewView={false}
          />
          <IndexTable
            resourceName={{ singular: "offer", plural: "offers" }}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[
              { content: "Activate", onAction: () => submitBulk("activate") },
              { content: "Pause", onAction: () => submitBulk("pause") },
            ]}
            bulkActions={[{ content: "Delete offers", onAction: () => setConfirmDelete(true) }]}
            headings={[{ title: "Offer" }, { title: "Type" }, { title: "Status" }, { title: "Schedule" }, { title: "Placements" }, { title: "Orders (30 days)", alignment: "end" }]}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)} onClick={() => navigate(`/app/offers/${row.id}`)}>
                <IndexTable.Cell>
                  <Link to={`/app/offers/${row.id}`} onClick={(event) => event.stopPropagation()}>
                    <Text as="span" fontWeight="semibold">
                      {row.offer.title}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{OFFER_KIND_LABELS[row.offer.kind]}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={STATUS_TONES[row.status]}>{row.status[0]?.toUpperCase() + row.status.slice(1)}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.offer.startsOn || row.offer.endsOn ? `${row.offer.startsOn ?? "…"} – ${row.offer.endsOn ?? "…"}` : "Always"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="100">
                    {(row.offer.placements ?? []).map((placement) => (
                      <Badge key={placement}>{PLACEMENT_LABELS[placement]}</Badge>
                    ))}
                  </InlineStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {(ordersLast30Days[row.id] ?? 0).toLocaleString()}
                  </Text>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
      <Modal
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete ${selectedResources.length} ${selectedResources.length === 1 ? "offer" : "offers"}?`}
        primaryAction={{
          content: "Delete",
          destructive: true,
          onAction: () => {
            setConfirmDelete(false);
            submitBulk("delete");
          },
        }}
        secondaryActions={[{ content: "Cancel", onAction: () => setConfirmDelete(false) }]}
      >
        <Modal.Section>
          <Text as="p">Deleted offers stop applying in your store at once. This cannot be undone.</Text>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
