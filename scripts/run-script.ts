import { EnvError } from "../app/env.server";

/** Runs a command-line entry point: known configuration errors print as one clear message, and the exit code is 1. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error);
    process.exitCode = 1;
  }
}
