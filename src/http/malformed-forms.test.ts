import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { inMemoryEditorialApp, signInToEditorPage } from "../test-support/editorial-app.js";
import type { App } from "./app.js";

const BOUNDARY = "----grounded-faq-fuzz";
const multipart = (boundary = BOUNDARY) => `multipart/form-data; boundary=${boundary}`;
const part = (name: string, value: string, fileName?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${fileName === undefined ? "" : `; filename="${fileName}"`}\r\n\r\n${value}\r\n`;
const wholeForm = `${part("key", "gfk_unknown")}${part("file", "# Notes\n\nSome text.", "notes.md")}--${BOUNDARY}--\r\n`;

/** Bodies that do not parse as the form their Content-Type announces, as the fuzzer sent them. */
const UNREADABLE_FORMS: Record<string, { contentType: string; body: string }> = {
  "a truncated multipart body": { contentType: multipart(), body: wholeForm.slice(0, -40) },
  "a missing boundary": { contentType: "multipart/form-data", body: wholeForm },
  "a wrong boundary": { contentType: multipart("not-the-one-in-the-body"), body: wholeForm },
  "JSON under multipart": { contentType: multipart(), body: JSON.stringify({ title: "Notes", text: "Some text." }) },
  "plain text under multipart": { contentType: multipart(), body: "just some words" },
  "an empty body": { contentType: multipart(), body: "" },
};
/** A form that parses, with no fields: refused for what it lacks. */
const EMPTY_FORM = { contentType: multipart(), body: `--${BOUNDARY}--\r\n` };
/**
 * Browsers write a `"` in a file name as %22; a bare one is read leniently by uploads (the name ends
 * at it) and refused by the other forms: either way a 4xx or a success, never a 5xx.
 */
const BARE_QUOTE_IN_FILE_NAME = {
  contentType: multipart(),
  body: `${part("file", "Some text.", 'say "hi".md')}--${BOUNDARY}--\r\n`,
};
const MALFORMED_SHAPES = {
  ...UNREADABLE_FORMS,
  "only the closing boundary": EMPTY_FORM,
  'a file name with an unescaped "': BARE_QUOTE_IN_FILE_NAME,
};

type Caller = "API key" | "editor session" | "nobody";
type FormRoute = { method: string; path: (docId: string) => string; caller: Caller };

/** Every route that reads a form or an upload; `{id}` is a real document's. */
const FORM_ROUTES: FormRoute[] = [
  { method: "POST", path: () => "/v1/documents", caller: "API key" },
  { method: "PUT", path: (docId) => `/v1/documents/${encodeURIComponent(docId)}`, caller: "API key" },
  { method: "POST", path: () => "/editor/login", caller: "nobody" },
  { method: "POST", path: () => "/editor/upload", caller: "editor session" },
  { method: "POST", path: () => "/editor/reports/faq", caller: "editor session" },
  { method: "POST", path: () => "/editor/vocabulary", caller: "editor session" },
  {
    method: "POST",
    path: (docId) => `/editor/documents/${encodeURIComponent(docId)}/replace`,
    caller: "editor session",
  },
];
/** The editors' page's other form posts read no fields: whatever their body, they do what they do. Logout last. */
const BODYLESS_FORM_ROUTES: FormRoute[] = [
  { method: "POST", path: () => "/editor/handoffs/none/close", caller: "editor session" },
  {
    method: "POST",
    path: (docId) => `/editor/documents/${encodeURIComponent(docId)}/publish`,
    caller: "editor session",
  },
  {
    method: "POST",
    path: (docId) => `/editor/documents/${encodeURIComponent(docId)}/unpublish`,
    caller: "editor session",
  },
  {
    method: "POST",
    path: (docId) => `/editor/documents/${encodeURIComponent(docId)}/delete`,
    caller: "editor session",
  },
  { method: "POST", path: () => "/editor/logout", caller: "editor session" },
];

const FIX = "send the form as multipart/form-data or application/x-www-form-urlencoded with a valid boundary";

describe("malformed form bodies", () => {
  let store: SqliteIndexStore;
  let app: App;
  let apiKey: string;
  let sessionCookie: string;
  let docId: string;
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);

  beforeAll(async () => {
    ({ store, app, editorKey: apiKey } = await inMemoryEditorialApp());
    const signedIn = await signInToEditorPage(app, apiKey, { origin: "http://localhost" });
    expect(signedIn.response.status).toBe(303);
    sessionCookie = signedIn.cookie;
    const form = new FormData();
    form.append("file", new File(["# Quiet hours\n\nQuiet hours run from 11 pm.\n"], "quiet.md"));
    const uploaded = await app.request("/v1/documents", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(uploaded.status).toBe(201);
    docId = ((await uploaded.json()) as { document: { doc_id: string } }).document.doc_id;
  });
  afterEach(() => {
    // Client errors are answered, never logged with a stack trace.
    const logged = consoleError.mock.calls.length;
    consoleError.mockClear();
    expect(logged).toBe(0);
  });
  afterAll(async () => {
    consoleError.mockRestore();
    await store.close();
  });

  const send = (route: FormRoute, shape: { contentType: string; body: string }) =>
    app.request(route.path(docId), {
      method: route.method,
      body: shape.body,
      headers: {
        "content-type": shape.contentType,
        ...(route.caller === "API key" ? { authorization: `Bearer ${apiKey}` } : { origin: "http://localhost" }),
        ...(route.caller === "editor session" ? { cookie: sessionCookie } : {}),
      },
    });

  it.each(FORM_ROUTES.map((route) => [labelOf(route), route] as const))(
    "%s answers every malformed body with a 4xx that says how to send the form",
    async (_, route) => {
      for (const [name, shape] of Object.entries(MALFORMED_SHAPES)) {
        const response = await send(route, shape);
        const text = await response.text();
        const unreadable = name in UNREADABLE_FORMS;
        const lenient = shape === BARE_QUOTE_IN_FILE_NAME;
        expect([name, response.status]).toEqual([
          name,
          unreadable ? 400 : expect.toSatisfy((status: number) => isClientError(status) || (lenient && status < 400)),
        ]);
        if (response.status < 400) continue;
        if (route.path(docId).startsWith("/v1/")) {
          const { error } = JSON.parse(text) as { error: { code: string; message: string } };
          expect(error).toEqual({ code: expect.any(String), message: expect.any(String) });
          if (unreadable) expect(error).toEqual({ code: "invalid_form", message: expect.stringContaining(FIX) });
        } else if (unreadable) {
          // The sign-in, document and vocabulary pages show it; the upload script and the FAQ form get it as JSON.
          expect(text).toContain(FIX);
        }
      }
    },
  );

  it("shows an unreadable sign-in form on the sign-in page", async () => {
    const login: FormRoute = { method: "POST", path: () => "/editor/login", caller: "nobody" };
    const response = await send(login, { contentType: "multipart/form-data", body: wholeForm });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("its Content-Type names no boundary");
  });

  it.each(BODYLESS_FORM_ROUTES.map((route) => [labelOf(route), route] as const))(
    "%s, which reads no form, never answers a malformed body with a 5xx",
    async (_, route) => {
      for (const [name, shape] of Object.entries(MALFORMED_SHAPES)) {
        const response = await send(route, shape);
        expect([name, response.status < 500]).toEqual([name, true]);
      }
    },
  );

  it("takes no large body at the sign-in, which needs no key, and says so on the sign-in page", async () => {
    const response = await app.request("/editor/login", {
      method: "POST",
      body: new URLSearchParams({ key: "x".repeat(100 * 1024) }),
      headers: { origin: "http://localhost" },
    });
    expect(response.status).toBe(413);
    const page = await response.text();
    expect(page).toMatch(/<form[^>]*action="\/editor\/login"/);
    expect(page).toContain("larger than 65536 bytes");
  });
});

/** `POST /editor/documents/{id}/replace`, as the test's name. */
function labelOf(route: FormRoute): string {
  return `${route.method} ${decodeURIComponent(route.path("{id}"))}`;
}

function isClientError(status: number): boolean {
  return status >= 400 && status < 500;
}
