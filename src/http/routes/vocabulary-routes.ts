import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { readSettingsFile, SettingsFileError } from "../../config/yaml-settings.js";
import type { EditorsVocabulary, SavedVocabulary, VocabularyAuditEvent } from "../../editorial/editors-vocabulary.js";
import type { Vocabulary } from "../../text/vocabulary.js";
import type { AppDependencies } from "../app-dependencies.js";
import { type CallerEnv, requireRole } from "../authorize.js";
import { vocabularySchema, vocabularyTextSchema } from "./editorial-schemas.js";
import { apiErrorResponses, errorBody, json, keyErrorResponses, keySecurity, newRouteGroup } from "./shared.js";

/** The editors' vocabulary's one path; its PUT takes a larger body than the rest of /v1 (see app.ts). */
export const VOCABULARY_ROUTE = "/v1/vocabulary";

const common = { tags: ["vocabulary"], security: keySecurity };
const overview = { description: "The file's vocabulary and the editors'", content: json(vocabularySchema) };
const unavailable = errorBody("editorial_store_unavailable: the editors' vocabulary cannot be read or saved");

const getVocabularyRoute = createRoute({
  ...common,
  method: "get",
  path: VOCABULARY_ROUTE,
  summary: "The vocabulary in use: the knowledge folder's file and the editors' own",
  responses: { 200: overview, ...keyErrorResponses, 503: unavailable },
});

const saveVocabularyRoute = createRoute({
  ...common,
  method: "put",
  path: VOCABULARY_ROUTE,
  summary: "Save the editors' vocabulary; the next question uses it",
  description:
    "The text is checked as the knowledge folder's `_vocabulary.yml` is. A text with mistakes is refused with every mistake and its line (`editors' vocabulary:3: synonyms[1]: …`), and the vocabulary in use stays as it was. Send `based_on_version` so that a text edited from an older version than the latest is refused rather than saved over another editor's save.",
  request: { body: { required: true, content: json(vocabularyTextSchema) } },
  responses: {
    200: overview,
    ...keyErrorResponses,
    400: errorBody(
      "invalid_vocabulary (the message lists each mistake with its line), invalid_request or invalid_json",
    ),
    409: errorBody(
      "vocabulary_changed: `based_on_version` is not the latest saved version; the message says which is, by whom and when. Nothing was saved",
    ),
    413: errorBody("vocabulary_too_large: the text is over 200 KB; or payload_too_large: the body is over 1 MiB"),
    415: apiErrorResponses[415],
    503: unavailable,
  },
});

/** Both parts of the vocabulary answers use, as editors are shown them. */
export interface VocabularyOverview {
  /** Absent when the service reads no file (tests). */
  file?: { path: string; text?: string; vocabulary: Vocabulary };
  editors: { saved?: SavedVocabulary; vocabulary: Vocabulary; audit: VocabularyAuditEvent[] };
}

export async function vocabularyOverviewOf(
  editors: EditorsVocabulary,
  file: AppDependencies["vocabularyFile"],
): Promise<VocabularyOverview> {
  const [saved, audit] = await Promise.all([editors.saved(), editors.auditTrail()]);
  return {
    ...(file ? { file: { path: file.path, text: fileText(file.path), vocabulary: file.current() } } : {}),
    editors: { saved, vocabulary: editors.current(), audit },
  };
}

/** Editors read and save their own vocabulary; the knowledge folder's file is shown beside it, read-only. */
export function vocabularyRoutes({
  editorial,
  vocabularyFile,
}: Pick<AppDependencies, "editorial" | "vocabularyFile">): OpenAPIHono<CallerEnv> {
  const routes = newRouteGroup<CallerEnv>();
  const editorsOnly = { middleware: requireRole(editorial.keys, "editor") } as const;
  const overviewBody = async () => toVocabularyBody(await vocabularyOverviewOf(editorial.vocabulary, vocabularyFile));

  routes.openapi({ ...getVocabularyRoute, ...editorsOnly }, async (context) => context.json(await overviewBody(), 200));

  routes.openapi({ ...saveVocabularyRoute, ...editorsOnly }, async (context) => {
    const { text, based_on_version } = context.req.valid("json");
    await editorial.vocabulary.save(text, context.get("caller"), based_on_version);
    return context.json(await overviewBody(), 200);
  });

  return routes;
}

/** The file's text as it is now; none when there is no file, or it cannot be read (the log said why at start-up). */
function fileText(file: string): string | undefined {
  try {
    return readSettingsFile(file);
  } catch (error) {
    if (error instanceof SettingsFileError) return undefined;
    throw error;
  }
}

function toVocabularyBody({ file, editors }: VocabularyOverview) {
  const counts = (vocabulary: Vocabulary) => ({
    synonym_groups: vocabulary.synonymGroups.length,
    stop_words: vocabulary.stopWords.length,
  });
  return {
    file: file ? { path: file.path, text: file.text ?? null, ...counts(file.vocabulary) } : null,
    editors: {
      text: editors.saved?.text ?? "",
      version: editors.saved?.version ?? null,
      updated_at: editors.saved?.savedAt ?? null,
      updated_by: editors.saved?.savedBy ?? null,
      ...counts(editors.vocabulary),
      audit: editors.audit.map(({ action, version, actor, at }) => ({ action, version, actor, at })),
    },
  };
}
