import type { DocumentEditor } from "./document-editor.js";
import type { Actor } from "./document-versions.js";

/** What an editor writes (as the API takes it); `source_doc_id` names the document the answer rests on. */
export interface CuratedAnswer {
  question: string;
  answer: string;
  collection?: string;
  source_doc_id?: string;
}

/**
 * Publishes an editor's answer to a question the documents did not answer well, as an FAQ entry
 * of its own: the question matches it from then on. It carries its source document's link and
 * collection, and a `source:` tag naming it.
 */
export async function publishCuratedAnswer(
  editor: DocumentEditor,
  curated: CuratedAnswer,
  actor: Actor,
): Promise<{ docId: string }> {
  const source = curated.source_doc_id ? await editor.get(curated.source_doc_id) : undefined;
  const sheet = {
    title: curated.question,
    ...(source?.summary.url ? { url: source.summary.url } : {}),
    items: [{ question: curated.question, answer: curated.answer }],
  };
  const version = await editor.upload(
    {
      fileName: "curated-faq.json",
      bytes: new TextEncoder().encode(JSON.stringify(sheet)),
      metadata: {
        collection: curated.collection ?? source?.summary.collection,
        tags: ["curated-faq", ...(curated.source_doc_id ? [`source:${curated.source_doc_id}`] : [])],
      },
    },
    actor,
  );
  await editor.publish(version.docId, actor);
  return { docId: version.docId };
}
