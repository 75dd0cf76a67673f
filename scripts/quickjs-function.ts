// Runs a bundled Function in QuickJS, the JavaScript engine Shopify's Javy compiles functions with, through the
// ShopifyFunction read/write interface the bundle calls.
import { getQuickJS, type QuickJSWASMModule } from "quickjs-emscripten";

let quickjs: Promise<QuickJSWASMModule> | undefined;

export type QuickJsRun = { output: unknown; milliseconds: number };

export async function runInQuickJs(code: string, input: unknown): Promise<QuickJsRun> {
  quickjs ??= getQuickJS();
  const vm = (await quickjs).newContext();
  try {
    const shim = `globalThis.ShopifyFunction = {
      readInput() { return JSON.parse(globalThis.__input); },
      writeOutput(value) { globalThis.__output = JSON.stringify(value); },
    };`;
    vm.unwrapResult(vm.evalCode(shim)).dispose();
    const inputHandle = vm.newString(JSON.stringify(input));
    vm.setProp(vm.global, "__input", inputHandle);
    inputHandle.dispose();
    const started = performance.now();
    vm.unwrapResult(vm.evalCode(code)).dispose();
    const milliseconds = performance.now() - started;
    const outputHandle = vm.getProp(vm.global, "__output");
    const output: unknown = JSON.parse(String(vm.dump(outputHandle)));
    outputHandle.dispose();
    return { output, milliseconds };
  } finally {
    vm.dispose();
  }
}
