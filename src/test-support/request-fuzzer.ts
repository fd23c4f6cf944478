import fc from "fast-check";

/**
 * Generated HTTP requests for the route fuzz test: every operation the app serves, with odd path
 * parameters, query strings, bodies in every content type (valid-ish, mutated, malformed), odd
 * headers and every kind of caller. Requests hold placeholders (`{{document}}`, a `credential`
 * name) that the test resolves against its fixture when sending, so that generation needs no app.
 */

/** The part of a JSON Schema (as the OpenAPI document writes it) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One method on one path template (`/v1/documents/{id}`), with what it reads. */
export interface Operation {
  method: string;
  path: string;
  pathParameters: string[];
  query: OpenApiParameter[];
  /** Content type → the schema of its body. */
  bodies: Record<string, JsonSchema>;
}

/** Who sends the request: resolved to headers (a key, a session cookie) by the test. */
const CREDENTIALS = [
  "none",
  "reader key",
  "editor key",
  "admin key",
  "editor session",
  "revoked key",
  "unknown key",
  "malformed key",
] as const;
export type Credential = (typeof CREDENTIALS)[number];

/** Which of the fixture's apps answers: answers open to anyone, or answers behind a reader key. */
const APP_VARIANTS = ["open answers", "keyed answers"] as const;
export type AppVariant = (typeof APP_VARIANTS)[number];

export interface FuzzedRequest {
  app: AppVariant;
  method: string;
  /** Path and query as sent, possibly with `{{document}}` / `{{handoff}}` for a real id. */
  path: string;
  credential: Credential;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** What the body is, for the failure report (`multipart, truncated`…). */
  bodyKind: string;
}

/** A real upload's id, a real hand-off's id: replaced by the test when sending. */
export const DOCUMENT_PLACEHOLDER = "{{document}}";
export const HANDOFF_PLACEHOLDER = "{{handoff}}";
/** A logged answer that has a rating. */
export const ANSWER_PLACEHOLDER = "{{answer}}";
/** A phrasing proposed for a published passage, awaiting review. */
export const PHRASING_PLACEHOLDER = "{{phrasing}}";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "BREW"];
/** Methods whose requests a fetch Request may not give a body. */
const BODYLESS_METHODS = new Set(["GET", "HEAD"]);
const BOUNDARY = "----fuzz-boundary-7MA4YWxk";

/** Percent-encoded, lone surrogates included (as U+FFFD, as a browser would send them). */
const encodeComponent = (text: string) => encodeURIComponent(text.toWellFormed());

/** Every operation in the OpenAPI document, and the routes Hono has that the document leaves out. */
export function operationsOf(document: OpenApiDocument, extraRoutes: { method: string; path: string }[]): Operation[] {
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(byMethod)) {
      const parameters = operation.parameters ?? [];
      const bodies: Record<string, JsonSchema> = {};
      for (const [contentType, media] of Object.entries(operation.requestBody?.content ?? {})) {
        bodies[contentType] = resolveSchema(media.schema ?? {}, document);
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name),
        query: parameters
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => ({ ...parameter, schema: resolveSchema(parameter.schema ?? {}, document) })),
        bodies,
      });
    }
  }
  const documented = new Set(operations.map((operation) => `${operation.method} ${operation.path}`));
  for (const route of extraRoutes) {
    // Hono writes `/sources/:chunkId{.+}`; the OpenAPI document `/sources/{chunkId}`.
    const path = route.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}").replace(/\/\*$/, "/{rest}");
    if (route.method === "ALL" || documented.has(`${route.method} ${path}`)) continue;
    documented.add(`${route.method} ${path}`);
    const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
    operations.push({ method: route.method, path, pathParameters, query: [], bodies: {} });
  }
  return operations;
}

/** `$ref`s replaced by what they name, `allOf` merged, to a depth that covers the API's schemas. */
function resolveSchema(schema: JsonSchema, document: OpenApiDocument, depth = 0): JsonSchema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return resolveSchema(document.components?.schemas?.[name] ?? {}, document, depth + 1);
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, resolveSchema(property, document, depth + 1)]),
    );
  }
  if (schema.items) resolved.items = resolveSchema(schema.items, document, depth + 1);
  if (schema.anyOf) resolved.anyOf = schema.anyOf.map((option) => resolveSchema(option, document, depth + 1));
  if (schema.oneOf) resolved.oneOf = schema.oneOf.map((option) => resolveSchema(option, document, depth + 1));
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolveSchema(part, document, depth + 1));
    resolved.allOf = undefined;
    for (const part of parts) {
      resolved.type ??= part.type;
      resolved.properties = { ...resolved.properties, ...part.properties };
      resolved.required = [...(resolved.required ?? []), ...(part.required ?? [])];
    }
  }
  return resolved;
}

/** Questions that the fixture's documents answer, so that valid requests reach the answering code. */
const REAL_QUESTIONS = ["停修的申請期限是什麼時候?", "When can I drop a course?", "加退選", "quiet hours"];

/** Strings that have broken parsers before: control characters, bidi overrides, lone surrogates, markup. */
const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202eevil",
  "\ud800",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "%",
  "%E0%A4%A",
  "null",
  "０９３３２２２１１１",
  "é".normalize("NFD"),
  "🙂".repeat(50),
  "\r\n\r\n",
  "{{}}%s%n",
];

const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 70_000).map((length) => "x".repeat(length)) },
);

/** A value the schema accepts, or nearly: strings within their bounds, but with odd characters. */
function valueFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 5) return fc.constant(null);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((option) => valueFor(option, depth + 1)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valueFor({ ...schema, type }, depth + 1)));
  switch (types[0] ?? (schema.properties ? "object" : undefined)) {
    case "string":
      return stringFor(schema);
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valueFor(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case "object": {
      const properties = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = valueFor(property, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const odd = fc.constantFrom(...ODD_STRINGS);
  if (schema.format === "date") {
    const valid = fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    return fc.oneof({ weight: 4, arbitrary: valid }, fc.constantFrom("2026-02-30", "0000-00-00", "2026-13-01"), odd);
  }
  if (schema.format === "uri" || schema.format === "url") {
    return fc.oneof({ weight: 4, arbitrary: fc.webUrl() }, fc.constantFrom("javascript:alert(1)", "http://"), odd);
  }
  if (schema.pattern) {
    const valid = fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length <= (schema.maxLength ?? 200));
    return fc.oneof({ weight: 4, arbitrary: valid }, odd);
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, 2_000);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...REAL_QUESTIONS, "registrar", "reader", "faq") },
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, 80) }) },
    { weight: 1, arbitrary: odd },
    { weight: 1, arbitrary: fc.constant("字".repeat(maxLength)) },
  );
}

/** A valid-ish value, then (sometimes) one thing wrong with it: a field of the wrong type, a huge one, extras. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  const wrongValue = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    oddString,
    fc.constantFrom(null, true, 0, -1, 1e308, [], {}, [[[]]], { $gt: "" }),
    fc.integer({ min: 1, max: 200 }).map((depth) => nested(depth)),
  );
  const keys = value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
  const fieldMutation = fc
    .record({ key: fc.constantFrom(...keys, "unexpected", "__proto__", "constructor"), replacement: wrongValue })
    .map(({ key, replacement }) => {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      Object.defineProperty(copy, key, { value: replacement, enumerable: true, writable: true, configurable: true });
      return copy;
    });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(value) },
    { weight: 4, arbitrary: fieldMutation },
    { weight: 1, arbitrary: wrongValue },
    {
      weight: 1,
      arbitrary: fc.constant(keys).map((names) => Object.fromEntries(names.slice(1).map((name) => [name, null]))),
    },
  );
}

/** `[[[…]]]` nested `depth` deep. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** A body that is not the JSON it claims to be, or JSON at the edges of what parsers take. */
const brokenJson = fc.oneof(
  fc.constantFrom("{", '{"question":', "{'question': 'x'}", "\ufeff{}", "NaN", "[1,]", '{"a":1}{"b":2}', "\u0000"),
  fc.integer({ min: 1, max: 100_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 1, max: 30_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  fc.string({ maxLength: 200 }),
);

/** File names as browsers and careless clients send them. */
const fileName = fc.oneof(
  fc.constantFrom(
    "notes.md",
    'say "hi".md',
    "a\\b.md",
    "../../escape.md",
    "宿舍規則.md",
    "no-extension",
    "image.svg",
    "policy.pdf",
    "sheet.csv",
    "faq.json",
    "page.html",
    "",
    "a\r\nContent-Type: text/html.md",
    "\u202egnp.md",
  ),
  fc.string({ maxLength: 30 }).map((name) => `${name}.md`),
);

const fileContent = fc.oneof(
  fc.constantFrom(
    "# Quiet hours\n\nQuiet hours run from 11 pm to 7 am.\n",
    "%PDF-1.4\n%broken",
    "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
    "question,answer\nWhen?,Now.\n",
    '[{"question":"When?","answer":"Now."}]',
    "<html><body><p>Hello</p></body></html>",
    "",
  ),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
);

function multipartPart(name: string, value: string, file?: string): string {
  const disposition = file === undefined ? "" : `; filename="${file}"`;
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${disposition}\r\n\r\n${value}\r\n`;
}

/** The fields as strings, the way a form carries them. */
function formFields(value: unknown): [string, string][] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [["value", String(value)]];
  return Object.entries(value).map(([name, field]) => [
    name,
    typeof field === "string" ? field : (JSON.stringify(field) ?? ""),
  ]);
}

interface GeneratedBody {
  kind: string;
  contentType?: string;
  body?: string;
}

/** A multipart body of the fields (a file where the schema has one), well formed or broken one of the usual ways. */
function multipartBody(fields: [string, string][], fileFields: string[]): fc.Arbitrary<GeneratedBody> {
  return fc
    .record({
      file: fileName,
      content: fileContent,
      damage: fc.constantFrom(
        "none",
        "none",
        "none",
        "truncated",
        "no boundary",
        "wrong boundary",
        "no closing",
        "LF only",
      ),
      cut: fc.nat(),
    })
    .map(({ file, content, damage, cut }) => {
      const parts = fields.map(([name, value]) => multipartPart(name, value));
      for (const name of fileFields) parts.push(multipartPart(name, content, file));
      let body = `${parts.join("")}--${BOUNDARY}--\r\n`;
      let contentType = `multipart/form-data; boundary=${BOUNDARY}`;
      if (damage === "truncated") body = body.slice(0, cut % Math.max(body.length, 1));
      if (damage === "no boundary") contentType = "multipart/form-data";
      if (damage === "wrong boundary") contentType = "multipart/form-data; boundary=not-the-one";
      if (damage === "no closing") body = parts.join("");
      if (damage === "LF only") body = body.replaceAll("\r\n", "\n");
      return { kind: `multipart, ${damage === "none" ? "well formed" : damage}`, contentType, body };
    });
}

/** A body for the operation: its own content types with valid-ish fields, then every other way of sending one. */
function bodyFor(operation: Operation): fc.Arbitrary<GeneratedBody> {
  const schemas = Object.entries(operation.bodies);
  const schema = schemas[0]?.[1] ?? { type: "object", properties: { question: { type: "string" } } };
  const fileFields = Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.format === "binary")
    .map(([name]) => name);
  const fields = valueFor(schema).chain(mutated);
  const encodings: fc.Arbitrary<GeneratedBody>[] = [
    fields.map((value) => ({
      kind: "json",
      contentType: "application/json",
      body: JSON.stringify(value) ?? "null",
    })),
    fields.map((value) => ({
      kind: "form-urlencoded",
      contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams(formFields(value)).toString(),
    })),
    fields.chain((value) =>
      multipartBody(
        formFields(value).filter(([name]) => !fileFields.includes(name)),
        fileFields.length ? fileFields : ["file"],
      ),
    ),
    brokenJson.map((body) => ({ kind: "broken json", contentType: "application/json", body })),
    fc
      .record({
        contentType: fc.constantFrom(
          "text/plain",
          "application/octet-stream",
          "application/json; charset=utf-16",
          "application/x-www-form-urlencoded; charset=bogus",
          "multipart/mixed; boundary=x",
          "image/svg+xml",
          "",
          ";;;",
          "application/json, text/plain",
        ),
        body: fc.oneof(oddString, brokenJson),
      })
      .map(({ contentType, body }) => ({ kind: `other content type (${contentType})`, contentType, body })),
    fc.constant({ kind: "none" }),
    fc.integer({ min: 66_000, max: 300_000 }).map((length) => ({
      kind: "huge json string",
      contentType: "application/json",
      body: JSON.stringify({ question: "字".repeat(length / 3), text: "x", title: "x", key: "x" }),
    })),
  ];
  // An operation that takes a body mostly gets one in its own encoding.
  const own = schemas.some(([type]) => type.includes("multipart"))
    ? encodings[2]
    : schemas.some(([type]) => type.includes("urlencoded"))
      ? encodings[1]
      : encodings[0];
  // The huge body (last) is slow to generate and always refused the same way: rarer.
  const others = encodings.map((arbitrary, index) => ({ weight: index === encodings.length - 1 ? 1 : 3, arbitrary }));
  return fc.oneof({ weight: schemas.length ? 18 : 0, arbitrary: own as fc.Arbitrary<GeneratedBody> }, ...others);
}

/** What a path parameter can be: a real id, nothing, traversal, bad percent-encoding, very long, unicode. */
function pathParameterValue(name: string): fc.Arbitrary<string> {
  const real = name === "id" || name === "chunkId" ? [DOCUMENT_PLACEHOLDER, encodeComponent(DOCUMENT_PLACEHOLDER)] : [];
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ...real,
        ...(name === "id" ? [HANDOFF_PLACEHOLDER, PHRASING_PLACEHOLDER] : []),
        ...(name === "answer_id" ? [ANSWER_PLACEHOLDER, "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"] : []),
        ...(name === "action" ? ["publish", "unpublish", "delete", "replace"] : []),
        ...(name === "model" ? ["grounded-faq", "grounded-faq:registrar", "grounded-faq:"] : []),
        ...(name === "chunkId" ? ["registrar/add-drop.md#1", "registrar%2Fadd-drop.md%231"] : []),
        ...(name === "file" ? ["swagger-ui.css", "swagger-ui-bundle.js", "..%2F..%2Fpackage.json"] : []),
      ),
    },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        "",
        "..",
        "../..",
        "%2e%2e",
        "%2e%2e%2f%2e%2e",
        "%00",
        "a%00b",
        "%",
        "%ZZ",
        "%E0%A4%A",
        "%C0%AF",
        "%FF",
        "宿舍",
        "%E5%AE%BF%E8%88%8D",
        "a/b/c",
        "a//b",
        ";x=1",
        "x?y#z",
        "%3F",
        "%23",
        "🙂",
        "%F0%9F%99%82",
        "\u202e",
        "null",
        "-1",
        "0",
        "1e309",
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 12_000 }).map((length) => "a".repeat(length)) },
    { weight: 2, arbitrary: fc.webSegment() },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((text) => encodeComponent(text)) },
  );
}

/** A query string: the operation's own parameters with valid-ish or odd values, and sometimes junk. */
function queryFor(operation: Operation): fc.Arbitrary<string> {
  const named = operation.query.map((parameter) =>
    fc.option(
      fc
        .oneof(
          valueFor(parameter.schema ?? {}).map((value) => (typeof value === "string" ? value : JSON.stringify(value))),
          oddString,
        )
        .map((value) => `${encodeComponent(parameter.name)}=${encodeComponent(value ?? "")}`),
      { nil: undefined },
    ),
  );
  const junk = fc.constantFrom("", "", "", "&", "=", "a=%", "a=%ZZ", "a&a&a", "limit=1&limit=2", "__proto__=1");
  return fc.tuple(fc.tuple(...named), junk).map(([pairs, extra]) => {
    const parts = [...pairs.filter((pair): pair is string => pair !== undefined), ...(extra ? [extra] : [])];
    return parts.length ? `?${parts.join("&")}` : "";
  });
}

/** The request line's path for an operation: its template with generated parameters, and a query. */
function pathFor(operation: Operation): fc.Arbitrary<string> {
  const values = operation.pathParameters.map(pathParameterValue);
  return fc.tuple(fc.tuple(...values), queryFor(operation)).map(([parameters, query]) => {
    let path = operation.path;
    operation.pathParameters.forEach((name, index) => {
      path = path.replace(`{${name}}`, parameters[index] ?? "");
    });
    return `${path}${query}`;
  });
}

/** Paths no route serves, near the ones that do. */
const unknownPath = fc.oneof(
  fc.constantFrom(
    "/v1",
    "/v1/",
    "/v1/unknown",
    "/v1/answer/",
    "/V1/answer",
    "/v1//answer",
    "/v1/answer%00",
    "/editor/",
    "/editor/nothing",
    "/editor/documents",
    "/sources",
    "/sources/",
    "/docs/assets/swagger-ui-dist/",
    "/docs/assets/swagger-ui-dist/../../package.json",
    "/docs/assets/swagger-ui-dist/%2e%2e%2f%2e%2e%2fpackage.json",
    "/metrics/",
    "/%",
    "/%ZZ",
    "//",
    "/.env",
    "/favicon.ico",
  ),
  fc.webPath().map((path) => path || "/"),
  fc.string({ maxLength: 30 }).map((text) => `/v1/${encodeComponent(text)}`),
);

/** Header values as a careless or hostile client sends them; ASCII only, since fetch refuses the rest. */
const oddHeaders = fc.record(
  {
    accept: fc.constantFrom("*/*", "text/html", "application/json", "text/event-stream", "", "application/xml;q=abc"),
    "accept-language": fc.constantFrom("en", "zh-TW", "zh-Hant-TW,zh;q=0.9", "*", ";q=x", "xx-INVALID-".repeat(30)),
    origin: fc.constantFrom("http://localhost", "https://evil.example", "null", "not a url"),
    referer: fc.constantFrom("http://localhost/editor", "https://evil.example/"),
    cookie: fc.constantFrom(
      "grounded_faq_editor_session=",
      "grounded_faq_editor_session=%",
      "grounded_faq_editor_session=forged",
      "a=b; a=c; ;;",
      `grounded_faq_editor_session=${"x".repeat(4_000)}`,
    ),
    "x-request-id": fc.constantFrom("fuzz-1", "", "a b", "x".repeat(300), "<script>"),
    "x-forwarded-for": fc.constantFrom("1.2.3.4", "not-an-ip", "::1, 10.0.0.1"),
    "if-none-match": fc.constantFrom("*", '"x"', "W/"),
    range: fc.constantFrom("bytes=0-10", "bytes=-", "lines=1-2"),
  },
  { requiredKeys: [] },
);

/** Mostly callers who get past the guards, so that requests reach the handlers behind them. */
const credential = fc.oneof(
  ...CREDENTIALS.map((name) => ({
    weight: { "editor key": 3, "admin key": 2, "editor session": 3, none: 2 }[name as string] ?? 1,
    arbitrary: fc.constant(name),
  })),
);

/** One generated request: mostly an operation with its own method; sometimes a wrong method or an unknown path. */
export function fuzzedRequest(operations: Operation[]): fc.Arbitrary<FuzzedRequest> {
  // Built once per operation, not per request: building arbitraries is what takes the time.
  const onOperation = fc.oneof(
    ...operations.map((operation) =>
      fc.record({
        operation: fc.constant(operation),
        method: fc.oneof({ weight: 5, arbitrary: fc.constant(operation.method) }, fc.constantFrom(...METHODS)),
        path: pathFor(operation),
        body: bodyFor(operation),
      }),
    ),
  );
  const elsewhere = fc.record({
    operation: fc.constant(undefined),
    method: fc.constantFrom(...METHODS),
    path: unknownPath,
    body: bodyFor({ method: "POST", path: "/", pathParameters: [], query: [], bodies: {} }),
  });
  return fc
    .record({
      target: fc.oneof({ weight: 9, arbitrary: onOperation }, { weight: 1, arbitrary: elsewhere }),
      app: fc.constantFrom(...APP_VARIANTS),
      credential: credential,
      headers: oddHeaders,
    })
    .map(({ target, app, credential, headers }) => {
      const withBody = !BODYLESS_METHODS.has(target.method) && target.body.body !== undefined;
      const allHeaders: Record<string, string> = { ...(headers as Record<string, string>) };
      if (withBody && target.body.contentType !== undefined) allHeaders["content-type"] = target.body.contentType;
      return {
        app,
        method: target.method,
        path: target.path,
        credential,
        headers: allHeaders,
        body: withBody ? target.body.body : undefined,
        bodyKind: withBody ? target.body.kind : "none",
      };
    });
}
