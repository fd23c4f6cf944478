/** The two databases the editorial store runs on: an embedded file, or a server shared by replicas. */
export type SqlDialect = "sqlite" | "postgres";

/** The PostgreSQL channel on which each new audit event's id is announced (see migration 0002). */
export const CHANGES_CHANNEL = "grounded_faq_changes";
