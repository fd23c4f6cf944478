import type { Generated } from "kysely";

/**
 * The editorial database's tables as queries see them, on SQLite and PostgreSQL alike. Times are
 * ISO-8601 text (they sort as text on both), lists and objects are JSON text.
 */
export interface EditorialTables {
  api_keys: {
    id: string;
    name: string;
    role: string;
    key_hash: string;
    key_prefix: string;
    created_at: string;
    created_by: string;
    revoked_at: string | null;
  };
  document_versions: {
    doc_id: string;
    version: number;
    state: string;
    metadata: string;
    source_name: string;
    byte_size: number;
    text: string;
    chunks: string;
    content_hash: string;
    created_at: string;
    created_by: string;
  };
  vocabulary_versions: {
    version: number;
    text: string;
    created_at: string;
    created_by: string;
  };
  audit_events: {
    id: Generated<number>;
    doc_id: string;
    action: string;
    version: number | null;
    actor: string;
    actor_key_id: string;
    at: string;
    detail: string | null;
  };
  answer_log: {
    id: string;
    at: string;
    question: string;
    answer: string;
    status: string;
    mode: string;
    confidence: number;
    latency_ms: number;
    collection: string | null;
    conversation_id: string | null;
    citations: string;
  };
  feedback: {
    answer_id: string;
    rating: string;
    comment: string | null;
    at: string;
  };
  handoffs: {
    id: string;
    at: string;
    status: string;
    collection: string | null;
    conversation_id: string | null;
    answer_id: string | null;
    name: string | null;
    contact: string | null;
    message: string | null;
    transcript: string;
    delivery: string;
    delivery_attempts: Generated<number>;
    closed_at: string | null;
    closed_by: string | null;
    delivery_lease_until: string | null;
  };
  passage_phrasings: {
    id: string;
    doc_id: string;
    passage_key: string;
    passage_text: string;
    text: string;
    state: string;
    source: string;
    answer_id: string | null;
    created_at: string;
    created_by: string;
    updated_at: string;
    updated_by: string;
  };
  action_calls: {
    id: Generated<number>;
    action_id: string;
    student_id: string;
    at: string;
    outcome: string;
    http_status: number | null;
    latency_ms: number;
  };
  action_confirmations: {
    key: string;
    action_id: string;
    student_id: string;
    claimed_at: string;
    outcome: string | null;
  };
  editor_sessions: {
    id: string;
    key_id: string;
    expires_at: string;
  };
  conversation_turns: {
    id: Generated<number>;
    conversation_id: string;
    at: string;
    /** The turn as JSON (ConversationTurn). */
    turn: string;
  };
}
