import { LoginErrorType } from "@shopify/shopify-app-remix/server";

type LoginError = { shop?: LoginErrorType } | Response;

/** Turns the library's login error codes into the words shown under the shop field. */
export function loginErrorMessage(loginErrors: LoginError): { shop?: string } {
  if (loginErrors instanceof Response) throw loginErrors;
  if (loginErrors.shop === LoginErrorType.MissingShop) return { shop: "Please enter your shop domain to log in" };
  if (loginErrors.shop === LoginErrorType.InvalidShop) return { shop: "Please enter a valid shop domain to log in" };
  return {};
}
