import path from "node:path";
import { syncFolder } from "../../ingest/sync-folder.js";
import type { Role } from "../editorial/api-keys.js";
import type { App } from "../http/app.js";
import { createLogger, createMetrics } from "../observability/index.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialApp, signInToEditorPage } from "./editorial-app.js";
import { editorialFor } from "./editorial-for.js";
import {
  ANSWER_PLACEHOLDER,
  type AppVariant,
  type Credential,
  DOCUMENT_PLACEHOLDER,
  type FuzzedRequest,
  HANDOFF_PLACEHOLDER,
  PHRASING_PLACEHOLDER,
} from "./request-fuzzer.js";
import { ADD_DROP_DEADLINES, CHANGE_OF_MAJOR } from "./sample-documents.js";
import { makeTemporaryFolder } from "./temporary-folder.js";

const QUIET_HOURS = "# Quiet hours\n\nQuiet hours in the dormitories run from 11 pm to 7 am.\n";

/**
 * Two ready apps over one indexed corpus and one editorial database (answers open to anyone, and
 * answers behind a reader key), with keys of every role, an editor's session in each, an uploaded
 * document and a hand-off ticket, so that generated requests reach the code behind every guard.
 * Logs go to `logLines` rather than the test's output.
 */
export interface FuzzFixture {
  apps: Record<AppVariant, App>;
  /** An active key with `role`. */
  keyOf(role: Role): string;
  /** Every log line the apps wrote, parsed. */
  logLines: Record<string, unknown>[];
  /** The request as sent: placeholders replaced, the credential turned into headers. */
  resolve(request: FuzzedRequest): { path: string; init: RequestInit };
  /** Sends the request and reads the whole response (a stream included). */
  send(request: FuzzedRequest): Promise<ReadResponse>;
  close(): Promise<void>;
}

/** A response read to its end. */
export interface ReadResponse {
  status: number;
  contentType: string;
  text: string;
}

export async function startFuzzFixture(): Promise<FuzzFixture> {
  const folder = makeTemporaryFolder("grounded-faq-fuzz-");
  folder.write("knowledge/registrar/add-drop.md", ADD_DROP_DEADLINES);
  folder.write("knowledge/registrar/change-of-major.md", CHANGE_OF_MAJOR);
  const store = new SqliteIndexStore(path.join(folder.root, "index.sqlite"));
  await syncFolder(store, path.join(folder.root, "knowledge"));

  const logLines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: "info",
    destination: { write: (line: string) => logLines.push(JSON.parse(line)) },
  });
  const observability = { logger, metrics: createMetrics() };
  const editorial = await editorialFor(store);
  const appWith = (requireApiKeyForAnswers: boolean) =>
    editorialApp(store, { ...editorial, requireApiKeyForAnswers }, ["https://widget.example"], { observability });
  const apps: Record<AppVariant, App> = { "open answers": appWith(false), "keyed answers": appWith(true) };

  const keyOf = async (role: Role) =>
    (await editorial.keys.create({ name: `fuzz ${role}`, role, createdBy: "fuzz" })).key;
  const keys = { reader: await keyOf("reader"), editor: await keyOf("editor"), admin: await keyOf("admin") };
  const revoked = await editorial.keys.create({ name: "fuzz revoked", role: "admin", createdBy: "fuzz" });
  await editorial.keys.revoke(revoked.record.id);

  const signIn = async (variant: AppVariant) => {
    const { response, cookie } = await signInToEditorPage(apps[variant], keys.editor, { origin: "http://localhost" });
    if (response.status !== 303) throw new Error(`signing in answered ${response.status}`);
    return cookie;
  };
  const sessions: Record<AppVariant, string> = {
    "open answers": await signIn("open answers"),
    "keyed answers": await signIn("keyed answers"),
  };

  const uploadDocument = async () => {
    const form = new FormData();
    form.append("file", new File([QUIET_HOURS], "quiet-hours.md"));
    const response = await apps["open answers"].request("/v1/documents", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${keys.editor}` },
    });
    if (response.status !== 201) throw new Error(`uploading answered ${response.status}`);
    return ((await response.json()) as { document: { doc_id: string } }).document.doc_id;
  };
  let documentId = await uploadDocument();
  const handoff = await apps["open answers"].request("/v1/handoffs", {
    method: "POST",
    body: JSON.stringify({ message: "Please call me about the deadline." }),
    headers: { "content-type": "application/json" },
  });
  const handoffId = ((await handoff.json()) as { id: string }).id;
  const answerId = (
    await editorial.interactions.logAnswer({
      question: "加退選什麼時候截止?",
      answer: "",
      status: "abstained",
      mode: "extractive",
      confidence: 0,
      latencyMs: 1,
      citations: [],
    })
  ).id;
  await editorial.interactions.recordFeedback(answerId, "down");
  // A proposal awaiting review, as a 👍 leaves one: accepting, rejecting, rewording and removing it reach their code.
  let proposals = 0;
  const proposePhrasing = async () => {
    const proposed = await editorial.phrasings.propose({
      answerId: `fuzz-${proposals++}`,
      docId: "registrar/add-drop.md",
      chunkId: "registrar/add-drop.md#0",
      question: `加退選到什麼時候? (${proposals})`,
    });
    if (!proposed) throw new Error("the fixture's phrasing was not proposed");
    return proposed.id;
  };
  let phrasingId = await proposePhrasing();

  const credentialHeaders = (credential: Credential, variant: AppVariant): Record<string, string> => {
    switch (credential) {
      case "none":
        return {};
      case "reader key":
        return { authorization: `Bearer ${keys.reader}` };
      case "editor key":
        return { "x-api-key": keys.editor };
      case "admin key":
        return { authorization: `bearer   ${keys.admin}  ` };
      case "editor session":
        return { cookie: sessions[variant] };
      case "revoked key":
        return { authorization: `Bearer ${revoked.key}` };
      case "unknown key":
        return { authorization: "Bearer gfk_0000000000000000000000000000", "x-api-key": "gfk_unknown" };
      case "malformed key":
        return { authorization: "Basic Zm9vOmJhcg==", "x-api-key": "   " };
    }
  };

  const resolve = (request: FuzzedRequest) => {
    const fill = (text: string) =>
      text
        .replaceAll(DOCUMENT_PLACEHOLDER, documentId)
        .replaceAll(HANDOFF_PLACEHOLDER, handoffId)
        .replaceAll(PHRASING_PLACEHOLDER, phrasingId)
        .replaceAll(ANSWER_PLACEHOLDER, answerId);
    const encodedPlaceholder = encodeURIComponent(DOCUMENT_PLACEHOLDER);
    const requestPath = fill(request.path.replaceAll(encodedPlaceholder, encodeURIComponent(documentId)));
    const headers = { ...request.headers, ...credentialHeaders(request.credential, request.app) };
    // Both a generated cookie and a session: the session's cookie last, as a browser would add it.
    if (request.headers.cookie && headers.cookie !== request.headers.cookie) {
      headers.cookie = `${request.headers.cookie}; ${headers.cookie}`;
    }
    return { path: requestPath, init: { method: request.method, headers, body: request.body } };
  };

  /** After a request that may have ended the session or deleted the document, bring them back. */
  const restore = async (request: FuzzedRequest) => {
    if (request.path.startsWith("/editor/logout")) sessions[request.app] = await signIn(request.app);
    if (request.method !== "GET" && /^\/(v1|editor)\/documents\//.test(request.path)) {
      const current = await apps["open answers"].request(`/v1/documents/${encodeURIComponent(documentId)}`, {
        headers: { authorization: `Bearer ${keys.editor}` },
      });
      if (current.status === 404) documentId = await uploadDocument();
    }
    if (request.method !== "GET" && /^\/(v1|editor)\/phrasings\//.test(request.path)) {
      const stillProposed = (await editorial.phrasings.list("proposed")).some((phrasing) => phrasing.id === phrasingId);
      if (!stillProposed) phrasingId = await proposePhrasing();
    }
  };

  return {
    apps,
    keyOf: (role) => keys[role],
    logLines,
    resolve,
    async send(request) {
      const { path: requestPath, init } = resolve(request);
      try {
        const response = await apps[request.app].request(requestPath, init);
        const text = await response.text();
        return { status: response.status, contentType: response.headers.get("content-type") ?? "", text };
      } finally {
        await restore(request);
      }
    },
    async close() {
      await store.close();
      folder.cleanUp();
    },
  };
}
