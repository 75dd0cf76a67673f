// Choosing products and collections: Shopify's resource picker inside the admin, and an equivalent modal over the
// demo catalog in demo mode. Both resolve to the same shape.
import { BlockStack, Checkbox, Modal, Scrollable, Text, TextField } from "@shopify/polaris";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import * as z from "zod/mini";
import type { PickerProduct } from "../../domain/catalog";
import { parseDecimal } from "../../domain/money";

export type PickedCollection = { id: string; title: string };
export type PickKind = "product" | "collection";

type Picker = {
  pickProducts(options: { multiple: boolean; selectedIds?: string[] }): Promise<PickerProduct[]>;
  pickCollections(options: { selectedIds?: string[] }): Promise<PickedCollection[]>;
  /** A readable name for an id picked earlier or in the catalog. */
  label(id: string): string;
};

const PickerContext = createContext<Picker | null>(null);

export function usePicker(): Picker {
  const picker = useContext(PickerContext);
  if (!picker) throw new Error("usePicker needs a PickerProvider");
  return picker;
}

// App Bridge's resource picker answer, parsed rather than trusted.
const resourcePickerProducts = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    productType: z.optional(z.string()),
    vendor: z.optional(z.string()),
    tags: z.optional(z.array(z.string())),
    variants: z.array(z.object({ id: z.string(), title: z.optional(z.string()), price: z.optional(z.string()), inventoryQuantity: z.optional(z.nullable(z.number())) })),
  }),
);
const resourcePickerCollections = z.array(z.object({ id: z.string(), title: z.string() }));

type AppBridgeGlobal = { resourcePicker(options: Record<string, unknown>): Promise<unknown> };
const appBridge = () => (globalThis as unknown as { shopify?: AppBridgeGlobal }).shopify;

export function PickerProvider(props: { embedded: boolean; catalog: PickerProduct[]; collections: PickedCollection[]; currencyCode: string; children: ReactNode }) {
  const { embedded, catalog, collections, currencyCode, children } = props;
  const labels = useRef(new Map<string, string>());
  if (labels.current.size === 0) {
    for (const product of catalog) {
      labels.current.set(product.id, product.title);
      for (const variant of product.variants) labels.current.set(variant.id, `${product.title} – ${variant.title}`);
    }
    for (const collection of collections) labels.current.set(collection.id, collection.title);
  }
  const [modal, setModal] = useState<null | { kind: PickKind; multiple: boolean; selected: string[]; resolve: (ids: string[]) => void }>(null);
  const [search, setSearch] = useState("");

  const remember = useCallback((id: string, title: string) => labels.current.set(id, title), []);

  const picker = useMemo<Picker>(
    () => ({
      async pickProducts({ multiple, selectedIds = [] }) {
        if (embedded) {
          const selection = resourcePickerProducts.safeParse(
            await appBridge()?.resourcePicker({ type: "product", multiple, selectionIds: selectedIds.map((id) => ({ id })) }),
          );
          if (!selection.success) return [];
          return selection.data.map((product) => {
            remember(product.id, product.title);
            return {
              id: product.id,
              title: product.title,
              productType: product.productType ?? "",
              vendor: product.vendor ?? "",
              tags: product.tags ?? [],
              collectionIds: [],
              published: true,
              variants: product.variants.map((variant) => ({
                id: variant.id,
                title: variant.title ?? "",
                priceMinor: parseDecimal(variant.price ?? "0", currencyCode).amountMinor,
                available: (variant.inventoryQuantity ?? 1) > 0,
                unitCostMinor: null,
              })),
            };
          });
        }
        const ids = await new Promise<string[]>((resolve) => setModal({ kind: "product", multiple, selected: selectedIds, resolve }));
        return catalog.filter((product) => ids.includes(product.id));
      },
      async pickCollections({ selectedIds = [] }) {
        if (embedded) {
          const selection = resourcePickerCollections.safeParse(
            await appBridge()?.resourcePicker({ type: "collection", multiple: true, selectionIds: selectedIds.map((id) => ({ id })) }),
          );
          if (!selection.success) return [];
          selection.data.forEach((collection) => remember(collection.id, collection.title));
          return selection.data;
        }
        const ids = await new Promise<string[]>((resolve) => setModal({ kind: "collection", multiple: true, selected: selectedIds, resolve }));
        return collections.filter((collection) => ids.includes(collection.id));
      },
      label: (id) => labels.current.get(id) ?? `#${id.split("/").pop()}`,
    }),
    [embedded, catalog, collections, currencyCode, remember],
  );

  const options = modal?.kind === "collection" ? collections : catalog;
  const visible = options.filter((option) => option.title.toLowerCase().includes(search.toLowerCase())).slice(0, 100);
  const close = (ids: string[] | null) => {
    modal?.resolve(ids ?? modal.selected);
    setModal(null);
    setSearch("");
  };

  return (
    <PickerContext.Provider value={picker}>
      {children}
      {modal && (
        <Modal
          open
          onClose={() => close(null)}
          title={modal.kind === "collection" ? "Select collections" : modal.multiple ? "Select products" : "Select a product"}
          primaryAction={{ content: "Select", onAction: () => close(modal.selected) }}
          secondaryActions={[{ content: "Cancel", onAction: () => close(null) }]}
        >
          <Modal.Section>
            <BlockStack gap="300">
              <TextField label="Search" labelHidden placeholder="Search" value={search} onChange={setSearch} autoComplete="off" autoFocus />
              <Scrollable style={{ maxHeight: 360 }}>
                <BlockStack gap="100">
                  {visible.map((option) => (
                    <Checkbox
                      key={option.id}
                      label={option.title}
                      checked={modal.selected.includes(option.id)}
                      onChange={(checked) =>
                        setModal({
                          ...modal,
                          selected: checked
                            ? modal.multiple
                              ? [...modal.selected, option.id]
                              : [option.id]
                            : modal.selected.filter((id) => id !== option.id),
                        })
                      }
                    />
                  ))}
                  {visible.length === 0 && (
                    <Text as="p" tone="subdued">
                      Nothing matches.
                    </Text>
                  )}
                </BlockStack>
              </Scrollable>
            </BlockStack>
          </Modal.Section>
        </Modal>
      )}
    </PickerContext.Provider>
  );
}
