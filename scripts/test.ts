// `npm test`: type-checks, then runs every vitest project. PostgreSQL and Chromium suites need those installed; on a
// developer machine without them they are left out with a notice, in CI (CI=true) they always run.
import { execFileSync } from "node:child_process";
import type { RunnerTask } from "vitest";
import { startVitest } from "vitest/node";
import { isChromiumInstalled, CHROMIUM_PATH } from "../tests/support/chromium";
import { isPostgresReachable, POSTGRES_ADMIN_URL } from "../tests/support/postgres";

const inCi = process.env.CI === "true";
const requested = process.argv.slice(2);

console.log("Type-checking…");
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"], { stdio: "inherit" });

const projects = ["unit", "integration", "extensions"];
if (inCi || (await isPostgresReachable())) projects.push("postgres");
else console.warn(`\nNOTICE: PostgreSQL suite not run: no server at ${POSTGRES_ADMIN_URL} (set TEST_POSTGRES_URL).\n`);
if (inCi || isChromiumInstalled()) projects.push("browser");
else console.warn(`\nNOTICE: browser suite not run: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).\n`);

const vitest = await startVitest("test", requested, { run: true, watch: false, project: projects });

const counts = { passed: 0, failed: 0, skipped: 0 };
const tally = (task: RunnerTask) => {
  if (task.type === "suite") return task.tasks.forEach(tally);
  const state = task.result?.state;
  if (state === "pass") counts.passed += 1;
  else if (state === "fail") counts.failed += 1;
  else counts.skipped += 1;
};
vitest.state.getFiles().forEach(tally);
const failedFiles = vitest.state.getFiles().filter((file) => file.result?.state === "fail").length;
await vitest.close();

console.log(`\nProjects: ${projects.join(", ")}`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 || failedFiles > 0 || counts.passed === 0 ? 1 : 0);
