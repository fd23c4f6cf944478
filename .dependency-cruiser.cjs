// The architecture as rules, checked by `npm run deps` (part of `npm test`; see scripts/check-dependencies.ts).
//
//   text → students → store → database → models → embedding → retrieval → answering → safety
//        → conversation | generation → editorial → interactions → actions → ask → http
//
// Each layer imports only the layers before it. ingest/ stands beside src: it builds on text,
// store, models, embedding and config. config is a leaf; so are the small shared modules at the
// root of src (errors, schemas, retry…). server.ts, the command-line tools and open-editorial.ts wire the
// layers together and are imported by none of them. Test files may import anything.

/** Lowest first; a layer may import the ones before it, never the ones after it. */
const layers = [
  { name: "text", path: "^src/text/" },
  { name: "students", path: "^src/students/" },
  { name: "store", path: "^src/store/" },
  { name: "database", path: "^src/database/" },
  { name: "models", path: "^src/models/" },
  { name: "embedding", path: "^src/embedding/" },
  { name: "retrieval", path: "^src/retrieval/" },
  { name: "answering", path: "^src/answering/" },
  { name: "safety", path: "^src/safety/" },
  { name: "conversation-and-generation", path: "^src/(conversation|generation)/" },
  { name: "editorial", path: "^src/editorial/" },
  { name: "interactions", path: "^src/interactions/" },
  { name: "actions", path: "^src/actions/" },
  { name: "ask", path: "^src/ask/" },
  { name: "http", path: "^src/http/" },
];

// Paths are matched with either extension: the checker reads the sources transpiled to .js.
const TEST = "\\.(test|case)\\.[jt]sx?$";
const CONFIG = "^src/config(\\.[jt]s$|/)";
const SHARED = "^src/(errors|schemas|retry|keyed-queue|recent-value|until-deadline|command-line)\\.[jt]s$";
const WIRING = "^src/(server|keys-cli|ingest-cli|db-cli|open-editorial)\\.[jt]s$";
const PROJECT = "^(src|ingest|evals|bench|scripts)/";

const layerRules = layers.slice(0, -1).map((layer, index) => {
  const above = layers.slice(index + 1);
  return {
    name: `layer-${layer.name}-imports-no-higher-layer`,
    comment: `src/${layer.name} sits below ${above.map(({ name }) => name).join(", ")}: it may not import them.`,
    severity: "error",
    from: { path: layer.path, pathNot: TEST },
    to: { path: above.map(({ path }) => `(${path})`).join("|") },
  };
});

/** Only files under `allowed` may import the npm package at `packagePath`. */
function onlyHere(name, packagePath, allowed, comment) {
  return {
    name,
    comment,
    severity: "error",
    from: { pathNot: `${allowed}|${TEST}` },
    to: { path: `(^|/)node_modules/${packagePath}` },
  };
}

/** Files under `path` import no module of the project but each other. */
function leaf(name, path, comment) {
  return {
    name,
    comment,
    severity: "error",
    from: { path, pathNot: TEST },
    to: { path: PROJECT, pathNot: path },
  };
}

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment:
        "Modules may not import each other in a cycle (a cycle between folders is also caught by the layer rules).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: "conversation-and-generation-stay-apart",
      comment:
        "conversation and generation are siblings: what both need (standaloneText, isDeclined) lives in answering.",
      severity: "error",
      from: { path: "^src/(conversation|generation)/", pathNot: TEST },
      to: { path: "^src/(conversation|generation)/", pathNot: "^src/$1/" },
    },
    leaf(
      "config-is-a-leaf",
      CONFIG,
      "config (src/config.ts, src/config/) imports no other module of the project: the layers depend on it.",
    ),
    leaf(
      "shared-modules-are-leaves",
      SHARED,
      "errors, schemas, retry, keyed-queue, recent-value, until-deadline and command-line import no other module of the project.",
    ),
    {
      name: "nothing-imports-the-wiring",
      comment:
        "server.ts, keys-cli.ts, ingest-cli.ts, db-cli.ts and open-editorial.ts assemble the layers; no layer and no ingest module imports them.",
      severity: "error",
      from: { path: "^(src/[^/]+/|ingest/)", pathNot: `^src/test-support/|${TEST}` },
      to: { path: WIRING },
    },
    {
      name: "ingest-builds-on-lower-layers-only",
      comment:
        "ingest/ stands beside src: it may import text, store, models, embedding, config and the shared modules.",
      severity: "error",
      from: { path: "^ingest/", pathNot: TEST },
      to: { path: "^src/", pathNot: `^src/(text|store|models|embedding)/|${CONFIG}|${SHARED}` },
    },
    {
      name: "lower-layers-do-not-import-ingest",
      comment: "ingest builds on text, store, models, embedding and config, so none of them may import ingest/.",
      severity: "error",
      from: { path: `^src/(text|store|models|embedding)/|${CONFIG}|${SHARED}`, pathNot: TEST },
      to: { path: "^ingest/" },
    },
    {
      name: "product-does-not-import-tools",
      comment: "Nothing in src/ or ingest/ imports evals/, bench/ or scripts/.",
      severity: "error",
      from: { path: "^(src|ingest)/", pathNot: `^src/test-support/|${TEST}` },
      to: { path: "^(evals|bench|scripts)/" },
    },
    {
      name: "store-port-knows-no-adapter",
      comment: "The index port (src/store/*) does not import its adapters; only open-index-store chooses one.",
      severity: "error",
      from: { path: "^src/store/[^/]+$", pathNot: "^src/store/open-index-store\\.[jt]s$" },
      to: { path: "^src/store/(qdrant|sqlite)/" },
    },
    {
      name: "store-adapters-stay-apart",
      comment: "The SQLite and Qdrant adapters share only the port and chunk-fields.",
      severity: "error",
      from: { path: "^src/store/(qdrant|sqlite)/" },
      to: { path: "^src/store/(qdrant|sqlite)/", pathNot: "^src/store/$1/" },
    },
    {
      name: "model-ports-know-no-adapter",
      comment: "The model ports (src/models/*) do not import the OpenAI adapter.",
      severity: "error",
      from: { path: "^src/models/[^/]+$" },
      to: { path: "^src/models/openai/" },
    },
    onlyHere(
      "only-the-openai-adapter-imports-langchain",
      "@langchain/",
      "^src/models/openai/",
      "LangChain stays inside src/models/openai/.",
    ),
    onlyHere(
      "only-student-sign-in-imports-jose",
      "jose/",
      "^src/students/|^src/test-support/|^scripts/",
      "Tokens are verified in one place: src/students/ (test support and scripts sign test and demo ones).",
    ),
    onlyHere(
      "only-the-qdrant-adapter-imports-qdrant",
      "@qdrant/",
      "^src/store/qdrant/",
      "The Qdrant client stays inside src/store/qdrant/.",
    ),
    onlyHere(
      "only-sqlite-files-import-better-sqlite3",
      "better-sqlite3/",
      "^src/store/sqlite/|^src/database/open-database\\.[jt]s$|^src/embedding/embedding-cache\\.[jt]s$",
      "SQLite is opened in three places: the index adapter, the editorial database and the embedding cache.",
    ),
    onlyHere(
      "only-the-database-opens-postgresql",
      "pg/",
      "^src/database/|^src/test-support/",
      "PostgreSQL is reached through Kysely, opened in src/database/; tests make scratch databases.",
    ),
    onlyHere(
      "only-the-shared-rate-counts-use-redis",
      "ioredis/",
      "^src/http/shared-rate-counts\\.[jt]s$",
      "Redis holds the rate limits' counts, nothing else.",
    ),
    onlyHere(
      "only-the-sqlite-adapter-imports-sqlite-vec",
      "sqlite-vec/",
      "^src/store/sqlite/",
      "sqlite-vec is the SQLite index's.",
    ),
    {
      name: "test-support-is-for-tests",
      comment:
        "src/test-support/ may import anything, but only tests (and the dev tools: scripts/, evals/ for the fake student system, bench/ to start replicas) import it.",
      severity: "error",
      from: { pathNot: `^src/test-support/|^scripts/|^evals/|^bench/|${TEST}` },
      to: { path: "^src/test-support/" },
    },
    {
      name: "imports-resolve",
      comment: "An import the checker cannot follow would hide its edge from every rule.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    // node_modules may be a symbolic link (a shared install); keep package paths as node_modules/….
    preserveSymlinks: true,
    // Type-only imports count: an `import type` cycle is still a cycle between folders.
    tsPreCompilationDeps: true,
    moduleSystems: ["es6", "cjs"],
    // Resolve packages as Node does, through their "exports"; "types" for type-only packages (mdast).
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
