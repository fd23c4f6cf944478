import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { webAddress } from "../../../ingest/index-document.js";
import type { AuditedActionCall } from "../../actions/action-audit.js";
import type { ActionDefinition } from "../../actions/action-definition.js";
import { chunkLocation } from "../../answering/citations.js";
import type { DocumentDetail, DocumentSummary } from "../../editorial/document-editor.js";
import type { SavedVocabulary } from "../../editorial/editors-vocabulary.js";
import { MAX_PHRASING_CHARS, type PlacedPhrasing } from "../../editorial/passage-phrasings.js";
import type { HandoffTicket } from "../../interactions/interaction-store.js";
import type { KnowledgeGapReport, QuestionGroup } from "../../interactions/knowledge-gap-report.js";
import type { Passage } from "../../retrieval/retrieve-passages.js";
import { type AnswerResponse, MAX_QUESTION_CHARS } from "../../schemas.js";
import type { ChunkRecord } from "../../store/index-store.js";
import { BROWSER_SCRIPTS } from "../browser-scripts/browser-scripts.js";
import { pagePolicy } from "../content-security-policy.js";
import type { VocabularyOverview } from "../routes/vocabulary-routes.js";

/** " · heading · page N", for a chunk's header line. */
function locationLabel(chunk: Pick<ChunkRecord, "headingPath" | "page">): string {
  const { heading, page } = chunkLocation(chunk);
  return `${heading ? ` · ${heading}` : ""}${page === undefined ? "" : ` · page ${page}`}`;
}

const STYLE = `
  body { font: 16px/1.5 system-ui, "Noto Sans TC", sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
  header { background: #12355b; color: #fff; padding: .75rem 1.5rem; display: flex; gap: 1rem; align-items: center; }
  header a { color: #fff; } header form { margin-left: auto; }
  main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  .status-published { color: #0a6b2d; font-weight: 600; } .status-draft { color: #8a5300; font-weight: 600; }
  .status-unpublished { color: #666; }
  .notice { background: #e8f1fb; border-left: 4px solid #12355b; padding: .5rem 1rem; }
  .error { background: #fdecea; border-left: 4px solid #b3261e; padding: .5rem 1rem; white-space: pre-line; }
  .chunk { background: #fff; border: 1px solid #ddd; padding: .5rem .75rem; margin: .5rem 0; white-space: pre-wrap; }
  .chunk-meta { color: #555; font-size: .85rem; }
  .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
  .side-by-side section { background: #fff; border: 1px solid #ddd; padding: .75rem 1rem; }
  .actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
  button, input[type=submit] { font: inherit; padding: .3rem .9rem; cursor: pointer; }
  label { display: block; margin: .5rem 0 .2rem; }
  progress { width: 12rem; }
  textarea { font: 14px/1.4 ui-monospace, monospace; width: 100%; box-sizing: border-box; }
`;

/** The editors' pages run only their two scripts and their style sheet, and no site frames them. */
export const EDITOR_PAGE_POLICY = pagePolicy({
  scripts: [BROWSER_SCRIPTS.upload, BROWSER_SCRIPTS.confirm],
  styles: [STYLE],
});

function Page(props: { title: string; signedInAs?: string; children: Child }) {
  return (
    // The editors' page is written in English (its Chinese words are marked as such).
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · grounded-faq editors</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <header>
          <strong>
            grounded-faq · <span lang="zh-Hant">編輯</span> Editors
          </strong>
          {props.signedInAs ? (
            <>
              <a href="/editor">Documents</a>
              <a href="/editor/try">Try a question</a>
              <a href="/editor/handoffs">Hand-offs</a>
              <a href="/editor/reports">Knowledge gaps</a>
              <a href="/editor/phrasings">Phrasings</a>
              <a href="/editor/vocabulary">Vocabulary</a>
              <a href="/editor/actions">Actions</a>
              <form method="post" action="/editor/logout">
                <span>{props.signedInAs} </span>
                <button type="submit">Sign out</button>
              </form>
            </>
          ) : null}
        </header>
        <main>{props.children}</main>
        {/* Our own constant, allowed by its hash in EDITOR_PAGE_POLICY. */}
        <script>{raw(BROWSER_SCRIPTS.confirm)}</script>
      </body>
    </html>
  );
}

/** What just happened (announced to screen readers as a status), or what went wrong (as an alert). */
function Notice(props: { message?: string; kind?: "notice" | "error" }) {
  if (!props.message) return null;
  const isError = props.kind === "error";
  return (
    <p class={isError ? "error" : "notice"} role={isError ? "alert" : "status"}>
      {props.message}
    </p>
  );
}

export function LoginView(props: { error?: string }) {
  return (
    <Page title="Sign in">
      <h1>Sign in with an API key</h1>
      <Notice kind="error" message={props.error} />
      <form method="post" action="/editor/login">
        <label for="key">API key (editor or admin)</label>
        <input id="key" name="key" type="password" autocomplete="off" required size={60} />
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
      <p>
        An admin creates keys with <code>npm run keys -- create --role editor --name "…"</code>.
      </p>
    </Page>
  );
}

export function ErrorView(props: { signedInAs: string; message: string }) {
  return (
    <Page title="Something went wrong" signedInAs={props.signedInAs}>
      <Notice kind="error" message={props.message} />
      <p>
        <a href="/editor">Back to the documents</a>
      </p>
    </Page>
  );
}

export function DocumentListView(props: { documents: DocumentSummary[]; signedInAs: string; notice?: string }) {
  return (
    <Page title="Documents" signedInAs={props.signedInAs}>
      <Notice message={props.notice} />
      <h1>Upload documents</h1>
      <form id="upload-form">
        <label for="files">Files (PDF, Markdown, HTML, text, FAQ CSV/JSON); several at once</label>
        <input id="files" name="files" type="file" multiple required />
        <label for="collection">Collection (optional)</label>
        <input id="collection" name="collection" placeholder="registrar" pattern="[\w\-]{1,100}" />
        <p>
          <button type="submit">Upload as drafts</button>
        </p>
      </form>
      <ul id="upload-progress" aria-live="polite" />
      <h2>Documents</h2>
      <table>
        <thead>
          <tr>
            <th>Title</th>
            <th>Id</th>
            <th>Collection</th>
            <th>Source</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {props.documents.map((document) => (
            <tr>
              <td>
                <a href={documentPage(document.docId)}>{document.title}</a>
              </td>
              <td>
                <code>{document.docId}</code>
              </td>
              <td>{document.collection}</td>
              <td>{document.source}</td>
              <td class={`status-${document.status}`}>
                {document.status}
                {document.draftVersion && document.status === "published" ? " (new draft waiting)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Our own constant: raw, so that the browser gets it unescaped. */}
      <script>{raw(BROWSER_SCRIPTS.upload)}</script>
    </Page>
  );
}

export function DocumentView(props: {
  detail: DocumentDetail;
  /** Its taught and proposed phrasings; not shown when absent. */
  phrasings?: PlacedPhrasing[];
  signedInAs: string;
  notice?: string;
  error?: string;
}) {
  const { summary, versions, chunks, audit, shownVersion } = props.detail;
  const action = (name: string) => `${documentPage(summary.docId)}/${name}`;
  return (
    <Page title={summary.title} signedInAs={props.signedInAs}>
      <Notice message={props.notice} />
      <Notice kind="error" message={props.error} />
      <h1>{summary.title}</h1>
      <p>
        <code>{summary.docId}</code> · {summary.collection} · {summary.format} · {summary.source} ·{" "}
        <span class={`status-${summary.status}`} id="document-status">
          {summary.status}
        </span>
        {webAddress(summary.url) ? (
          <>
            {" · "}
            <a href={summary.url}>{summary.url}</a>
          </>
        ) : null}
      </p>
      {summary.source === "upload" ? (
        <div class="actions">
          {summary.draftVersion || summary.status === "unpublished" ? (
            <form method="post" action={action("publish")}>
              <button type="submit">Publish {summary.draftVersion ? `version ${summary.draftVersion}` : ""}</button>
            </form>
          ) : null}
          {summary.status === "published" ? (
            <form method="post" action={action("unpublish")}>
              <button type="submit">Unpublish</button>
            </form>
          ) : null}
          <form method="post" action={action("replace")} enctype="multipart/form-data">
            <label for="replacement">Replace with a new version (kept as a draft)</label>
            <input id="replacement" name="file" type="file" required />{" "}
            <button type="submit">Upload new version</button>
          </form>
          <form method="post" action={action("delete")} data-confirm="Delete this document and all its versions?">
            <button type="submit">Delete</button>
          </form>
        </div>
      ) : (
        <p class="notice">This document comes from the knowledge folder: change or remove the file there.</p>
      )}
      {versions.length > 0 ? (
        <>
          <h2>Versions</h2>
          <table>
            <tbody>
              {versions.map((version) => (
                <tr>
                  <td>
                    <a href={`${documentPage(summary.docId)}?version=${version.version}`}>version {version.version}</a>
                    {version.version === shownVersion ? " (shown)" : ""}
                  </td>
                  <td>{version.state}</td>
                  <td>{version.sourceName}</td>
                  <td>
                    {version.createdBy}, {version.createdAt}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>
        Extracted chunks ({chunks.length}){shownVersion ? ` of version ${shownVersion}` : ""}
      </h2>
      {chunks.map((chunk) => (
        <div class="chunk">
          <div class="chunk-meta">
            #{chunk.position + 1}
            {locationLabel(chunk)}
          </div>
          {chunk.faqQuestion ? <strong>{chunk.faqQuestion}</strong> : null}
          <div>{chunk.text}</div>
        </div>
      ))}
      {props.phrasings ? <PhrasingsSection phrasings={props.phrasings} /> : null}
      {audit.length > 0 ? (
        <>
          <h2>Audit trail</h2>
          <ul>
            {audit.map((event) => (
              <li>
                {event.at}: {event.action}
                {event.version ? ` version ${event.version}` : ""}
                {event.detail ? ` “${event.detail}”` : ""} by {event.actor}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}

/** A document's phrasings, with the forms that reword and remove them (and accept or reject a proposal). */
function PhrasingsSection(props: { phrasings: PlacedPhrasing[] }) {
  return (
    <section id="phrasings" aria-label="Phrasings">
      <h2>Phrasings ({props.phrasings.length})</h2>
      <p>
        Other wordings of what a passage answers: a question worded like one finds its passage. Teach one from{" "}
        <a href="/editor/reports">Knowledge gaps</a> (“Answered by…”).
      </p>
      {props.phrasings.length === 0 ? <p>None yet.</p> : null}
      {props.phrasings.map((phrasing) => (
        <PhrasingItem phrasing={phrasing} returnTo="document" />
      ))}
    </section>
  );
}

/** One phrasing: its words, its state and passage, and what an editor can do with it. */
function PhrasingItem(props: { phrasing: PlacedPhrasing; returnTo: "document" | "proposed" }) {
  const { phrasing } = props;
  const action = (name: string) => `/editor/phrasings/${encodeURIComponent(phrasing.id)}/${name}`;
  const returnTo = <input type="hidden" name="return_to" value={props.returnTo} />;
  const label = `Phrasing “${phrasing.text}”`;
  return (
    <section class="chunk" aria-label={label}>
      <strong>{phrasing.text}</strong>
      <div class="chunk-meta">
        {phrasing.state === "proposed" ? "proposed by a 👍, not searched until accepted" : "accepted"}
        {phrasing.chunkId ? ` · passage ${phrasing.chunkId}` : " · detached: the document no longer has its passage"} ·{" "}
        {phrasing.source === "feedback" ? "from student feedback" : `taught by ${phrasing.createdBy}`},{" "}
        {phrasing.createdAt}
      </div>
      <div class="chunk-meta">Passage: {phrasing.passageText}</div>
      <div class="actions">
        {phrasing.state === "proposed" ? (
          <>
            <form method="post" action={action("accept")}>
              {returnTo}
              <button type="submit">Accept</button>
            </form>
            <form method="post" action={action("reject")}>
              {returnTo}
              <button type="submit">Reject</button>
            </form>
          </>
        ) : null}
        <form method="post" action={action("edit")}>
          {returnTo}
          <input
            name="text"
            value={phrasing.text}
            aria-label={`New words for ${label}`}
            size={50}
            required
            maxlength={MAX_PHRASING_CHARS}
          />{" "}
          <button type="submit">Save wording</button>
        </form>
        <form method="post" action={action("remove")} data-confirm="Remove this phrasing?">
          {returnTo}
          <button type="submit">Remove</button>
        </form>
      </div>
    </section>
  );
}

/** The phrasings students' 👍 proposed, newest first, for an editor to accept or reject. */
export function ProposedPhrasingsView(props: { signedInAs: string; phrasings: PlacedPhrasing[]; notice?: string }) {
  return (
    <Page title="Proposed phrasings" signedInAs={props.signedInAs}>
      <Notice message={props.notice} />
      <h1>Proposed phrasings</h1>
      <p>
        When a student rates an answer 👍, their question is proposed as a wording of the passage the answer cited.
        Nothing is searched until you accept it. Each document's phrasings are listed on its page.
      </p>
      {props.phrasings.length === 0 ? <p>No proposals waiting.</p> : null}
      {props.phrasings.map((phrasing) => (
        <>
          <p>
            <a href={documentPage(phrasing.docId)}>{phrasing.docId}</a>
          </p>
          <PhrasingItem phrasing={phrasing} returnTo="proposed" />
        </>
      ))}
    </Page>
  );
}

/**
 * A question of the knowledge-gap report and the passages a search finds for it: the editor picks
 * the one that answers it, and the question's wording is taught as a phrasing of that passage.
 */
export function AnsweredByView(props: { signedInAs: string; question: string; query: string; passages: Passage[] }) {
  return (
    <Page title="Answered by…" signedInAs={props.signedInAs}>
      <h1>Which passage answers this question?</h1>
      <p>
        <strong id="asked-question">{props.question || "(no question)"}</strong>
      </p>
      <form method="get" action="/editor/answered-by">
        <input type="hidden" name="question" value={props.question} />
        <label for="passage-query">Search the published documents</label>
        <input id="passage-query" name="query" value={props.query} size={60} maxlength={MAX_QUESTION_CHARS} />{" "}
        <button type="submit">Search</button>
      </form>
      {props.query && props.passages.length === 0 ? <p>No passage found: search with the documents' words.</p> : null}
      {props.passages.map((passage, index) => (
        <section class="chunk" aria-label={`Passage ${index + 1}: ${passage.document.title}`}>
          <div class="chunk-meta">
            <a href={documentPage(passage.document.docId)}>{passage.document.title}</a>
            {locationLabel(passage.chunk)} · {passage.chunk.chunkId}
          </div>
          {passage.chunk.faqQuestion ? <strong>{passage.chunk.faqQuestion}</strong> : null}
          <div>{passage.chunk.text}</div>
          {props.question ? (
            <form method="post" action="/editor/phrasings">
              <input type="hidden" name="doc_id" value={passage.document.docId} />
              <input type="hidden" name="chunk_id" value={passage.chunk.chunkId} />
              <input type="hidden" name="text" value={props.question} />
              <button type="submit">This passage answers it</button>
            </form>
          ) : null}
        </section>
      ))}
    </Page>
  );
}

export function TryQuestionView(props: {
  signedInAs: string;
  question?: string;
  published?: AnswerResponse;
  drafts?: AnswerResponse;
}) {
  return (
    <Page title="Try a question" signedInAs={props.signedInAs}>
      <h1>Try a question on drafts and published documents</h1>
      <form method="get" action="/editor/try">
        <label for="question">Question</label>
        <input
          id="question"
          name="question"
          value={props.question ?? ""}
          size={60}
          required
          maxlength={MAX_QUESTION_CHARS}
        />{" "}
        <button type="submit">Ask both</button>
      </form>
      {props.published && props.drafts ? (
        <div class="side-by-side">
          <AnswerPanel heading="Published (what students get now)" id="published-answer" answer={props.published} />
          <AnswerPanel heading="With the drafts published" id="draft-answer" answer={props.drafts} />
        </div>
      ) : null}
    </Page>
  );
}

function AnswerPanel(props: { heading: string; id: string; answer: AnswerResponse }) {
  return (
    <section id={props.id} aria-label={props.heading}>
      <h2>{props.heading}</h2>
      <p>
        <strong>{props.answer.status}</strong> (confidence {props.answer.confidence.toFixed(2)})
      </p>
      <p>{props.answer.answer}</p>
      {props.answer.choices ? (
        <ul aria-label="Topics offered">
          {props.answer.choices.map((choice) => (
            <li>{choice}</li>
          ))}
        </ul>
      ) : null}
      <ol>
        {props.answer.citations.map((citation) => (
          <li>
            <a href={documentPage(citation.doc_id)}>{citation.title}</a>
            {citation.page !== undefined ? `, page ${citation.page}` : ""}: “{citation.quote}”
          </li>
        ))}
      </ol>
    </section>
  );
}

export function documentPage(docId: string): string {
  return `/editor/documents/${encodeURIComponent(docId)}`;
}

/** A student id as editors see it in the list of failures: enough to tell calls apart, not to name the student. */
function maskedStudentId(id: string): string {
  return id.length <= 4 ? "****" : `${id.slice(0, 3)}${"*".repeat(id.length - 5)}${id.slice(-2)}`;
}

export function ActionsView(props: {
  signedInAs: string;
  actions: readonly ActionDefinition[];
  failures: AuditedActionCall[];
}) {
  return (
    <Page title="Actions" signedInAs={props.signedInAs}>
      <h1>Actions</h1>
      <p>
        Look-ups in the organisation's systems for signed-in students, declared in the knowledge folder's{" "}
        <code>_actions</code> files (read at start-up).
      </p>
      {props.actions.length === 0 ? <p>No actions are declared.</p> : null}
      {props.actions.map((action) => (
        <section class="chunk" aria-label={`Action ${action.id}`}>
          <div class="chunk-meta">
            {action.id} · {action.request.method} {action.request.path} · system: {action.system.en} ·{" "}
            {action.changes ? "changes something (confirmed first)" : "reads only"} · for:{" "}
            {action.audiences?.join(", ") ?? "every signed-in student"}
          </div>
          <p>
            <strong lang="zh-Hant">{action.title.zh}</strong> · <strong>{action.title.en}</strong>
          </p>
          <p>
            Examples: <span lang="zh-Hant">{action.examples.zh.join(" / ")}</span> · {action.examples.en.join(" / ")}
          </p>
          <p class="chunk-meta">{action.file}</p>
        </section>
      ))}
      <section id="action-failures" aria-label="Recent failed calls">
        <h2>Recent failed calls ({props.failures.length})</h2>
        {props.failures.length === 0 ? <p>None.</p> : null}
        <ol>
          {props.failures.map((call) => (
            <li>
              {call.at} · {call.actionId} · {call.outcome}
              {call.httpStatus === undefined ? "" : ` (HTTP ${call.httpStatus})`} · {call.latencyMs} ms · student{" "}
              {maskedStudentId(call.studentId)}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}

export function HandoffsView(props: { signedInAs: string; tickets: HandoffTicket[]; notice?: string }) {
  return (
    <Page title="Hand-offs" signedInAs={props.signedInAs}>
      <Notice message={props.notice} />
      <h1>Hand-off tickets</h1>
      {props.tickets.length === 0 ? <p>No tickets.</p> : null}
      {props.tickets.map((ticket) => (
        <section class="chunk" aria-label={`Ticket ${ticket.id.slice(0, 8)}`}>
          <div class="chunk-meta">
            {ticket.id.slice(0, 8)} · {ticket.at} · {ticket.status} · {ticket.collection ?? "no collection"} · webhook:{" "}
            {ticket.delivery}
          </div>
          <p>
            <strong>{ticket.name ?? "(no name)"}</strong> · {ticket.contact ?? "(no contact)"}
          </p>
          {ticket.message ? <p class="ticket-message">{ticket.message}</p> : null}
          {ticket.transcript.length > 0 ? (
            <ol>
              {ticket.transcript.map((turn) => (
                <li>
                  <strong>{turn.question}</strong> → {turn.status}: {turn.answer}
                </li>
              ))}
            </ol>
          ) : null}
          {ticket.status === "open" ? (
            <form method="post" action={`/editor/handoffs/${ticket.id}/close`}>
              <button type="submit">Close ticket</button>
            </form>
          ) : (
            <p>
              Closed by {ticket.closedBy} at {ticket.closedAt}
            </p>
          )}
        </section>
      ))}
    </Page>
  );
}

export function ReportView(props: { signedInAs: string; report: KnowledgeGapReport; notice?: string }) {
  const { report } = props;
  const range = new URLSearchParams({ from: report.from, to: report.to });
  return (
    <Page title="Knowledge gaps" signedInAs={props.signedInAs}>
      <Notice message={props.notice} />
      <h1>Knowledge gaps</h1>
      <form method="get" action="/editor/reports" class="actions">
        <label for="from">From</label> <input id="from" name="from" type="date" value={report.from} />
        <label for="to">To</label> <input id="to" name="to" type="date" value={report.to} />
        <button type="submit">Show</button>
        <a href={`/editor/reports.csv?${range}`}>Download CSV</a>
      </form>
      <p>
        {report.questions} questions in this period
        {report.askedBack > 0 ? `, and ${report.askedBack} too vague to answer, asked back` : ""}
        {report.topicsPicked > 0 ? `; ${report.topicsPicked} topics picked from the choices offered` : ""}.
        {report.safetyReplies + report.declined > 0
          ? ` Besides, ${report.safetyReplies} safety replies and ${report.declined} declined requests (counted only; their messages are not listed).`
          : ""}
      </p>
      <h2>Answer and hand-off rates</h2>
      <table>
        <thead>
          <tr>
            <th>Week</th>
            <th>Collection</th>
            <th>Questions</th>
            <th>Answer rate</th>
            <th>Hand-off rate</th>
          </tr>
        </thead>
        <tbody>
          {report.weekly.map((row) => (
            <tr>
              <td>{row.week}</td>
              <td>{row.collection}</td>
              <td>{row.questions}</td>
              <td>{Math.round(row.answerRate * 100)}%</td>
              <td>{Math.round(row.handoffRate * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <GroupList heading="Unanswered questions" id="unanswered" groups={report.unanswered} curate />
      <GroupList heading="Answers marked not helpful" id="thumbs-down" groups={report.thumbsDown} curate />
      <GroupList heading="Most asked" id="top-questions" groups={report.topQuestions} />
    </Page>
  );
}

function GroupList(props: { heading: string; id: string; groups: QuestionGroup[]; curate?: boolean }) {
  return (
    <section id={props.id}>
      <h2>{props.heading}</h2>
      {props.groups.length === 0 ? <p>None.</p> : null}
      {props.groups.map((group, index) => (
        <div class="chunk">
          <strong>{group.question}</strong> ({group.count}×
          {group.collections.length ? `, ${group.collections.join(", ")}` : ""})
          {group.examples.length > 1 ? (
            <div class="chunk-meta">Also asked as: {group.examples.slice(1).join(" / ")}</div>
          ) : null}
          {group.comments.length > 0 ? <div class="chunk-meta">Comments: {group.comments.join(" / ")}</div> : null}
          {props.curate ? (
            <p>
              <a href={`/editor/answered-by?${new URLSearchParams({ question: group.question })}`}>Answered by…</a>{" "}
              (pick the passage that answers it: questions worded like it find that passage from then on)
            </p>
          ) : null}
          {props.curate ? (
            <details>
              <summary>Write a curated answer</summary>
              <form method="post" action="/editor/reports/faq">
                <input type="hidden" name="question" value={group.question} />
                <label for={`${props.id}-answer-${index}`}>Answer (published at once as an FAQ entry)</label>
                <textarea id={`${props.id}-answer-${index}`} name="answer" rows={3} required cols={80} />
                <label for={`${props.id}-source-${index}`}>Source document id (optional)</label>
                <input
                  id={`${props.id}-source-${index}`}
                  name="source_doc_id"
                  value={group.citedDocIds[0] ?? ""}
                  size={50}
                />
                <label for={`${props.id}-collection-${index}`}>Collection (optional)</label>
                <input id={`${props.id}-collection-${index}`} name="collection" value={group.collections[0] ?? ""} />
                <p>
                  <button type="submit">Publish FAQ answer</button>
                </p>
              </form>
            </details>
          ) : null}
        </div>
      ))}
    </section>
  );
}

const VOCABULARY_EXAMPLE = `synonyms:
  - 押金, 保證金
  - dorm, dormitory, residence hall
stop_words: [本校]`;

/**
 * The vocabulary answers use: the editors' own, which they edit here, and the knowledge folder's
 * file, shown read-only. `text` is what the editor sent when a save was refused, kept for them to fix;
 * `basedOnVersion` the version it was edited from (the latest saved, unless given), sent back with a
 * save so that one made over another editor's newer version is refused; `savedMeanwhile` that newer
 * version, shown for the editor to merge into their text.
 */
export function VocabularyView(props: {
  signedInAs: string;
  overview: VocabularyOverview;
  text?: string;
  basedOnVersion?: number;
  savedMeanwhile?: SavedVocabulary;
  notice?: string;
  error?: string;
}) {
  const { file, editors } = props.overview;
  const text = props.text ?? editors.saved?.text ?? "";
  const basedOnVersion = props.basedOnVersion ?? editors.saved?.version ?? 0;
  return (
    <Page title="Vocabulary" signedInAs={props.signedInAs}>
      <Notice message={props.notice} />
      <h1>
        Vocabulary / <span lang="zh-Hant">詞彙</span>
      </h1>
      <p>
        Words people ask with and the words the documents use for the same thing (a student writes “dorm” where the
        rules say “residence hall”). Answers use the knowledge folder's vocabulary file and the editors' vocabulary
        together; a save takes effect with the next question.
      </p>
      <section id="editors-vocabulary" aria-label="The editors' vocabulary">
        <h2>The editors' vocabulary</h2>
        <Notice kind="error" message={props.error} />
        <form method="post" action="/editor/vocabulary">
          <label for="vocabulary-text">Synonyms and stop words (YAML)</label>
          {/* A textarea drops the newline right after its tag: this one, so that the text keeps its own. */}
          <textarea id="vocabulary-text" name="text" rows={16} spellcheck={false}>
            {`\n${text}`}
          </textarea>
          <input type="hidden" name="based_on_version" value={String(basedOnVersion)} />
          <p>
            <button type="submit">Save</button>
          </p>
        </form>
        {props.savedMeanwhile ? (
          <details id="vocabulary-saved-meanwhile" open>
            <summary>
              Version {props.savedMeanwhile.version}, saved meanwhile: merge its changes into your text above
            </summary>
            {props.savedMeanwhile.text ? (
              <pre>{props.savedMeanwhile.text}</pre>
            ) : (
              <p>(Empty: it removed the editors' vocabulary.)</p>
            )}
          </details>
        ) : null}
        <p id="vocabulary-saved">
          {editors.saved
            ? `Version ${editors.saved.version}, saved by ${editors.saved.savedBy} at ${editors.saved.savedAt}: ${countsOf(editors.vocabulary)}.`
            : "Not saved yet."}
        </p>
        <details>
          <summary>How to write it</summary>
          <pre>{VOCABULARY_EXAMPLE}</pre>
          <ul>
            <li>
              Under <code>synonyms:</code>, one group per line, commas between its words (<code>,</code>,{" "}
              <code>，</code> or <code>、</code>). A passage holding any word of a group covers a question's other words
              from it.
            </li>
            <li>
              A group written <code>{"{ preferred: 保證金, also: [押金] }"}</code> names the word the documents use: an
              answer to a question that says <span lang="zh-Hant">押金</span> then tells the asker it is called{" "}
              <span lang="zh-Hant">保證金</span> here.
            </li>
            <li>
              Only true equivalents: <span lang="zh-Hant">閉館</span> (closing time) and{" "}
              <span lang="zh-Hant">休館</span> (closed days) differ, so a group joining them would answer one with the
              other.
            </li>
            <li>
              Under <code>stop_words:</code>, words too common in this desk's questions to tell one topic from another;
              they are left out of every question.
            </li>
            <li>A mistake is shown with its line, and nothing is saved until it is fixed.</li>
            <li>
              If another editor saved a version after this page was loaded, nothing is saved: your text stays here, with
              their version below it to merge into it before saving again.
            </li>
          </ul>
        </details>
        {editors.audit.length > 0 ? (
          <>
            <h3>Saved versions</h3>
            <ul>
              {editors.audit.toReversed().map((event) => (
                <li>
                  {event.at}: version {event.version} saved by {event.actor}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section id="file-vocabulary" aria-label="The knowledge folder's vocabulary">
        <h2>The knowledge folder's vocabulary</h2>
        {file ? (
          <>
            <p class="notice">
              Read-only here: it is edited in the knowledge folder, in <code>{file.path}</code>, and read again whenever
              it changes.
              {file.text === undefined ? " There is no such file now." : ""}
            </p>
            <p>{countsOf(file.vocabulary)} in use.</p>
            {file.vocabulary.synonymGroups.length > 0 ? (
              <table>
                <thead>
                  <tr>
                    <th>Synonyms</th>
                  </tr>
                </thead>
                <tbody>
                  {file.vocabulary.synonymGroups.map((group) => (
                    <tr>
                      <td>{group.join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {file.vocabulary.stopWords.length > 0 ? <p>Stop words: {file.vocabulary.stopWords.join(", ")}</p> : null}
          </>
        ) : (
          <p>This service reads no vocabulary file.</p>
        )}
      </section>
    </Page>
  );
}

/** "3 synonym groups and 1 stop word". */
function countsOf(vocabulary: { synonymGroups: readonly unknown[]; stopWords: readonly unknown[] }): string {
  const count = (number: number, noun: string) => `${number} ${noun}${number === 1 ? "" : "s"}`;
  return `${count(vocabulary.synonymGroups.length, "synonym group")} and ${count(vocabulary.stopWords.length, "stop word")}`;
}
