// Checks the import graph against the rules in .dependency-cruiser.cjs (npm run deps).
//
// Why a wrapper: dependency-cruiser 17 reads TypeScript through the TypeScript compiler API,
// which TypeScript 7 no longer ships, so a plain `depcruise src` would cruise no module at all
// and pass. Instead we transpile every source file with esbuild into a temporary mirror of the
// tree (type-only imports kept as imports, so they count as dependencies), let dependency-cruiser
// read that plain JavaScript, and print its report with the original file names.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { transformSync } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const folders =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["src", "ingest", "evals", "bench", "scripts"];
const configFile = join(root, ".dependency-cruiser.cjs");
// Fewer modules than this means the cruise silently read nothing: fail rather than pass.
const minimumModules = 50;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

// `import type` and `export type { … } from` become plain imports and exports; with
// verbatimModuleSyntax esbuild then keeps every import, used as a value or not.
function keepTypeImports(source: string): string {
  return source.replace(/^(\s*)import type\s/gm, "$1import ").replace(/^(\s*)export type(\s*[{*])/gm, "$1export$2");
}

const mirror = mkdtempSync(join(tmpdir(), "grounded-faq-deps-"));
try {
  const originalNames = new Map<string, string>();
  for (const file of folders.flatMap(sourceFiles)) {
    const transpiledName = file.replace(/\.tsx?$/, ".js");
    const { code } = transformSync(keepTypeImports(readFileSync(join(root, file), "utf8")), {
      loader: file.endsWith(".tsx") ? "tsx" : "ts",
      format: "esm",
      jsx: "automatic",
      jsxImportSource: "hono/jsx",
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      sourcefile: file,
    });
    mkdirSync(dirname(join(mirror, transpiledName)), { recursive: true });
    writeFileSync(join(mirror, transpiledName), code);
    originalNames.set(transpiledName, file);
  }
  copyFileSync(join(root, "package.json"), join(mirror, "package.json"));
  symlinkSync(join(root, "node_modules"), join(mirror, "node_modules"), "dir");

  const depcruise = join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
  const result = spawnSync(
    process.execPath,
    [depcruise, ...folders, "--config", configFile, "--output-type", "err-long"],
    { cwd: mirror, encoding: "utf8" },
  );
  const restoreNames = (text: string) =>
    text.replace(/[\w./-]+\.js\b/g, (name) => originalNames.get(name) ?? name).replaceAll(mirror, ".");
  process.stdout.write(restoreNames(result.stdout));
  process.stderr.write(restoreNames(result.stderr));

  const cruised = Number(/\((\d+) modules?,/.exec(result.stdout)?.[1] ?? "0");
  if (result.status === 0 && cruised < minimumModules) {
    console.error(
      `dependency check read only ${cruised} modules (expected at least ${minimumModules}): is esbuild working?`,
    );
    process.exitCode = 1;
  } else {
    process.exitCode = result.status ?? 1;
  }
} finally {
  rmSync(mirror, { recursive: true, force: true });
}
