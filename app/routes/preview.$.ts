// The demo storefront (demo mode only): see app/demo/storefront/preview.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { previewResponse } from "../demo/storefront/preview.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => previewResponse(request, params["*"] ?? "", new Date());
export const action = ({ request, params }: ActionFunctionArgs) => previewResponse(request, params["*"] ?? "", new Date());
