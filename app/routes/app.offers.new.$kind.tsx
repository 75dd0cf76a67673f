import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { OfferEditor } from "../components/offer-editor/OfferEditor";
import { OFFER_KIND_LABELS } from "../domain/offer-form";
import type { loader as appLoader } from "./app";
import { requireAdmin } from "../services/admin-context.server";
import { loadOfferEditor, saveOffer } from "../services/offer-editor.server";

const kindParam = z.enum(Object.keys(OFFER_KIND_LABELS) as [keyof typeof OFFER_KIND_LABELS, ...(keyof typeof OFFER_KIND_LABELS)[]]);

function parseKind(value: string | undefined) {
  const kind = kindParam.safeParse(value);
  if (!kind.success) throw new Response("Unknown kind of offer", { status: 404 });
  return kind.data;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  return loadOfferEditor(admin, { kind: parseKind(params.kind) }, new Date());
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  parseKind(params.kind);
  const admin = await requireAdmin(request);
  const form = await request.formData();
  const result = await saveOffer(admin, null, form.get("payload"), new Date());
  if (!result.ok) return result;
  return redirect(`/app/offers/${result.id}?created=1`);
};

export default function NewOfferOfKind() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const app = useRouteLoaderData<typeof appLoader>("routes/app");
  return (
    <OfferEditor
      key={data.offer.kind}
      embedded={app?.embedded ?? false}
      {...data}
      serverErrors={actionData && !actionData.ok ? actionData.errors : undefined}
    />
  );
}
