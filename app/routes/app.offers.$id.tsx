import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { Banner } from "@shopify/polaris";
import { OfferEditor } from "../components/offer-editor/OfferEditor";
import { PublishBanner } from "../components/PublishBanner";
import type { loader as appLoader } from "./app";
import { requireAdmin } from "../services/admin-context.server";
import { deleteOfferById, duplicateOfferById, loadOfferEditor, saveOffer } from "../services/offer-editor.server";
import { publishOffers } from "../services/offer-publisher.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  return loadOfferEditor(admin, { id: params.id ?? "" }, new Date());
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "duplicate") return redirect(`/app/offers/${await duplicateOfferById(admin, id)}?duplicated=1`);
  if (intent === "delete") {
    await deleteOfferById(admin, id, new Date());
    return redirect("/app/offers");
  }
  if (intent === "publish") return { ok: true as const, id, publish: await publishOffers(admin.shop, admin.shopData, new Date()) };
  return saveOffer(admin, id, form.get("payload"), new Date());
};

export default function EditOffer() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const app = useRouteLoaderData<typeof appLoader>("routes/app");
  const [searchParams] = useSearchParams();
  const submit = useSubmit();
  const retry = () => submit({ intent: "publish" }, { method: "post" });

  let banner: React.ReactNode = null;
  if (actionData?.ok) banner = <PublishBanner result={actionData.publish} onRetry={retry} />;
  else if (data.publication?.pending && data.publication.lastError) {
    banner = <PublishBanner result={{ ok: false, message: data.publication.lastError, userErrors: [], largestOffers: [] }} onRetry={retry} />;
  } else if (searchParams.get("created")) banner = <Banner tone="success" title="Offer created and published" />;
  else if (searchParams.get("duplicated")) banner = <Banner tone="info" title="This is a copy, saved as a draft" />;

  return (
    <OfferEditor
      key={data.offer.id}
      embedded={app?.embedded ?? false}
      {...data}
      serverErrors={actionData && !actionData.ok ? actionData.errors : undefined}
      banner={banner}
      onDuplicate={() => submit({ intent: "duplicate" }, { method: "post" })}
      onDelete={() => submit({ intent: "delete" }, { method: "post" })}
    />
  );
}
