import type { Kysely } from "kysely";
import { ActionAudit } from "./actions/action-audit.js";
import { ActionConfirmations } from "./actions/action-confirmations.js";
import type { ParseLimits } from "./config.js";
import {
  ConversationMemory,
  type Conversations,
  defaultConversationMemoryOptions,
} from "./conversation/conversation-memory.js";
import { DatabaseConversations } from "./conversation/database-conversations.js";
import type { EditorialTables } from "./database/editorial-tables.js";
import { type DatabaseLocation, type EditorialDatabase, openEditorialDatabase } from "./database/open-database.js";
import { ApiKeyStore } from "./editorial/api-keys.js";
import { DocumentEditor } from "./editorial/document-editor.js";
import { DocumentVersionStore } from "./editorial/document-versions.js";
import { EditorSessions } from "./editorial/editor-sessions.js";
import { EditorsVocabulary } from "./editorial/editors-vocabulary.js";
import { PassagePhrasings } from "./editorial/passage-phrasings.js";
import type { EditorialStoreUnavailableError } from "./errors.js";
import { InteractionStore } from "./interactions/interaction-store.js";
import { KeyedQueue } from "./keyed-queue.js";
import type { Embedder } from "./models/embedder.js";
import type { IndexStore } from "./store/index-store.js";
import { SqliteIndexStore } from "./store/sqlite/sqlite-index-store.js";
import type { PersonalDataMask } from "./text/mask-personal-data.js";
import { Vocabulary } from "./text/vocabulary.js";

export interface Editorial {
  keys: ApiKeyStore;
  interactions: InteractionStore;
  versions: DocumentVersionStore;
  editor: DocumentEditor;
  /** The editors' own vocabulary, used beside the knowledge folder's file. */
  vocabulary: EditorsVocabulary;
  /** Other wordings of passages, taught by editors and proposed by 👍. */
  phrasings: PassagePhrasings;
  /** Every call an action made to a record system. */
  actionAudit: ActionAudit;
  /** Confirmed changes, each run once. */
  actionConfirmations: ActionConfirmations;
  /** Editors signed in on the editors' page. */
  sessions: EditorSessions;
  /**
   * Recent turns of conversations: in the database when it is PostgreSQL (a follow-up may reach
   * another replica), else in this process's memory, where they are fastest.
   */
  conversations: Conversations;
  /** The database itself, for what follows its changes. */
  database: Kysely<EditorialTables>;
  /** What keeps the database from answering now, or nothing (see EditorialDatabase.problem). */
  problem(): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * The editorial database (a file, `:memory:` in tests, or PostgreSQL; or one already open): keys,
 * versions, the editor over the index, the editors' vocabulary and the answer log.
 * `onVocabularyMistake` hears of a saved vocabulary that no longer parses.
 */
export async function openEditorial(
  location: DatabaseLocation | EditorialDatabase,
  store: IndexStore,
  options: {
    parseLimits: ParseLimits;
    embedder?: Embedder;
    personalData?: PersonalDataMask;
    onVocabularyMistake?: (message: string) => void;
    /** Hears of an action call that could not be written to the audit trail (a full disk). */
    onAuditError?: (error: Error) => void;
  },
): Promise<Editorial> {
  const { personalData, onVocabularyMistake, onAuditError, ...editorOptions } = options;
  const opened = "db" in location ? location : await openEditorialDatabase(location);
  const database = opened.db;
  const vocabulary = new EditorsVocabulary(database, onVocabularyMistake);
  await vocabulary.refresh();
  const versions = new DocumentVersionStore(database);
  // One queue for both: a publish and a taught phrasing of one document never interleave.
  const changes = new KeyedQueue();
  const phrasings = new PassagePhrasings(database, store, { changes });
  return {
    keys: new ApiKeyStore(database),
    interactions: new InteractionStore(database, { personalData }),
    versions,
    editor: new DocumentEditor(store, versions, {
      ...editorOptions,
      openScratchIndex: () => new SqliteIndexStore(":memory:"),
      attachPhrasings: phrasings.attach,
      changes,
    }),
    vocabulary,
    phrasings,
    actionAudit: new ActionAudit(database, onAuditError ? { onError: onAuditError } : {}),
    actionConfirmations: new ActionConfirmations(database),
    sessions: new EditorSessions(database),
    conversations:
      opened.dialect === "postgres"
        ? new DatabaseConversations(database, {
            ...defaultConversationMemoryOptions,
            ...(personalData ? { mask: (text: string) => personalData.mask(text) } : {}),
          })
        : new ConversationMemory(),
    database,
    problem: () => opened.problem(),
    close: () => opened.close(),
  };
}

/**
 * Stands in for the editorial file when it cannot be used: every use of its keys, versions, editor,
 * vocabulary or log throws `unavailable` (503 `editorial_store_unavailable` over HTTP), so that the
 * rest of the service, answers from the index, runs on. Those answers use the knowledge folder's
 * vocabulary only: the editors' is empty. Closing it does nothing.
 */
export function unavailableEditorial(unavailable: EditorialStoreUnavailableError): Editorial {
  // A whole store of members that each refuse (but those in `working`), rather than a copy of every
  // method to keep in step.
  const refusing = <T extends object>(working: Partial<T> = {}): T =>
    new Proxy({} as T, {
      get: (_, member) =>
        // Not a promise: `await` and test matchers look for `then`.
        member === "then"
          ? undefined
          : (working[member as keyof T] ??
            (() => {
              throw unavailable;
            })),
    });
  return {
    keys: refusing(),
    interactions: refusing(),
    versions: refusing(),
    editor: refusing(),
    vocabulary: refusing<EditorsVocabulary>({ current: () => Vocabulary.empty }),
    phrasings: refusing(),
    actionAudit: refusing(),
    actionConfirmations: refusing(),
    sessions: refusing(),
    conversations: new ConversationMemory(),
    database: refusing(),
    problem: async () => unavailable.message,
    close: async () => {},
  };
}
