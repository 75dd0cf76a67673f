// `npm run build:storefront`: writes the theme blocks' scripts into the theme app extension's assets.
import { writeFile } from "node:fs/promises";
import { scriptPath, STOREFRONT_SCRIPTS, type StorefrontScript } from "../app/storefront/assets";
import { buildStorefrontScript, gzippedSize } from "./storefront-build";

for (const name of Object.keys(STOREFRONT_SCRIPTS) as StorefrontScript[]) {
  const code = await buildStorefrontScript(name);
  await writeFile(scriptPath(name), code);
  console.log(`${scriptPath(name)}: ${code.length} bytes, ${gzippedSize(code)} bytes gzipped`);
}
