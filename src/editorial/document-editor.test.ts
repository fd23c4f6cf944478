import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../ingest/sync-folder.js";
import { defaultParseLimits } from "../config.js";
import type { EditorialDatabase } from "../database/open-database.js";
import { type Editorial, openEditorial } from "../open-editorial.js";
import { SqliteIndexStore } from "../store/sqlite/sqlite-index-store.js";
import { editorialFor } from "../test-support/editorial-for.js";
import { makeTemporaryFolder } from "../test-support/temporary-folder.js";
import { databasesUnderTest } from "../test-support/test-databases.js";
import { analyzeQuery } from "../text/tokenize.js";
import type { Caller } from "./api-keys.js";
import { DocumentEditor } from "./document-editor.js";
import { DocumentVersionStore, VersionConflictError } from "./document-versions.js";

const editorCaller: Caller = { keyId: "k1", name: "housing office", role: "editor" };
const upload = (text: string) => ({ fileName: "rules.md", bytes: new TextEncoder().encode(text), metadata: {} });

describe.each(databasesUnderTest)("DocumentEditor on $name", (database) => {
  describe.skipIf(database.skip)("", () => {
    const folder = makeTemporaryFolder();
    let store: SqliteIndexStore;
    let opened: EditorialDatabase;
    let editorial: Editorial;

    beforeEach(async () => {
      store = new SqliteIndexStore(":memory:");
      opened = await database.open();
      editorial = await openEditorial(opened, store, { parseLimits: defaultParseLimits });
    });
    afterEach(async () => {
      await editorial.close();
      await store.close();
    });

    it("brings an index back to the published uploads: rewrites what is missing, removes what is not published", async () => {
      const { editor } = editorial;
      const kept = await editor.upload(upload("# Pets\n\nNo pets are allowed in the dormitories."), editorCaller);
      await editor.publish(kept.docId, editorCaller);
      const withdrawn = await editor.upload(upload("# Guests\n\nGuests must leave by 10 pm."), editorCaller);
      await editor.publish(withdrawn.docId, editorCaller);
      // As after a crash between the index write and the record, or on a new, empty index:
      await store.deleteDocument(kept.docId);
      await editorial.versions.markWithdrawn(withdrawn.docId, 1, editorCaller);

      expect(await editor.reconcile()).toEqual({ written: 1, removed: 1, failures: [] });
      expect([...(await store.listDocuments()).keys()]).toEqual([kept.docId]);
      expect(await editor.reconcile()).toEqual({ written: 0, removed: 0, failures: [] });
    });

    it("writes a published upload again when the index holds it as an older pipeline wrote it", async () => {
      const { editor } = editorial;
      const published = await editor.upload(upload("# Cheques\n\nThe cashier takes cheques."), editorCaller);
      await editor.publish(published.docId, editorCaller);
      expect(await editor.reconcile()).toEqual({ written: 0, removed: 0, failures: [] });
      // As an index written before the tokeniser changed records it: the version's own hash.
      const stored = await store.getDocument(published.docId);
      if (!stored) throw new Error("the upload is not indexed");
      const text = stored.chunks.map((chunk) => chunk.text).join("\n\n");
      await store.replaceDocument({ ...stored.document, contentHash: published.contentHash, text }, stored.chunks);
      expect(await editor.reconcile()).toEqual({ written: 1, removed: 0, failures: [] });
      expect(await editor.reconcile()).toEqual({ written: 0, removed: 0, failures: [] });
    });

    it("leaves uploads alone when a folder is synced into the same index", async () => {
      folder.write("knowledge/library/hours.md", "# Hours\n\nThe library opens at 8 am.");
      const { editor } = editorial;
      const uploaded = await editor.upload(upload("# Pets\n\nNo pets are allowed."), editorCaller);
      await editor.publish(uploaded.docId, editorCaller);
      const summary = await syncFolder(store, `${folder.root}/knowledge`);
      expect(summary).toMatchObject({ added: 1, removed: 0, failures: [] });
      expect([...(await store.listDocuments()).keys()].sort()).toEqual(["library/hours.md", uploaded.docId]);
      folder.cleanUp();
    });

    it("leaves uploads it never held alone (another replica's, in a shared index)", async () => {
      const { editor } = editorial;
      // Another replica, with an editorial database of its own.
      const elsewhere = await editorialFor(store);
      const theirs = await elsewhere.editor.upload(upload("# Parking\n\nPermits cost NT$ 1,200."), editorCaller);
      await elsewhere.editor.publish(theirs.docId, editorCaller);
      expect(await editor.reconcile()).toEqual({ written: 0, removed: 0, failures: [] });
      expect(await store.getDocument(theirs.docId)).toBeDefined();
    });

    it("reports a document it cannot write and goes on with the others", async () => {
      const { editor } = editorial;
      const first = await editor.upload(upload("# Pets\n\nNo pets."), editorCaller);
      const second = await editor.upload(upload("# Guests\n\nGuests leave by 10 pm."), editorCaller);
      await editor.publish(first.docId, editorCaller);
      await editor.publish(second.docId, editorCaller);
      await store.deleteDocument(first.docId);
      await store.deleteDocument(second.docId);
      const replaceDocument = store.replaceDocument.bind(store);
      store.replaceDocument = async (document, chunks, options) => {
        if (document.docId === first.docId) throw new Error("disk full");
        return replaceDocument(document, chunks, options);
      };
      expect(await editor.reconcile()).toEqual({
        written: 1,
        removed: 0,
        failures: [{ docId: first.docId, reason: "disk full" }],
      });
      expect(await store.getDocument(second.docId)).toBeDefined();
    });

    describe("the version store, changed by two replicas at the same moment", () => {
      /** Each change either lands or is refused as made meanwhile; none fails otherwise. */
      const landedOrRefused = (results: PromiseSettledResult<unknown>[]) => {
        for (const result of results) {
          if (result.status === "rejected") expect(result.reason).toBeInstanceOf(VersionConflictError);
        }
        return results.filter((result) => result.status === "fulfilled").length;
      };

      /** Version 1 of the document as a new version would be written: what two replicas both add. */
      const newVersionLike = async (docId: string) => {
        const {
          version: _version,
          state: _state,
          createdAt: _at,
          createdBy: _by,
          ...draft
        } = (await editorial.versions.version(docId, 1)) ?? expect.fail("no version 1");
        return draft;
      };

      it("keeps one draft, and no version number twice, when both replace a document", async () => {
        const { editor, versions } = editorial;
        const { docId } = await editor.upload(upload("# Pets\n\nNo pets."), editorCaller);
        const draft = await newVersionLike(docId);
        const replaced = await Promise.allSettled([
          versions.addDraft(draft, "replaced", editorCaller),
          versions.addDraft(draft, "replaced", editorCaller),
        ]);
        const landed = landedOrRefused(replaced);
        expect(landed).toBeGreaterThan(0);
        const after = await versions.versions(docId);
        expect(after.map((version) => version.version)).toEqual(
          Array.from({ length: landed + 1 }, (_, index) => landed + 1 - index),
        );
        expect(after.filter((version) => version.state === "draft")).toHaveLength(1);
      });

      it("keeps one version published when each publishes another", async () => {
        const { editor, versions } = editorial;
        const { docId } = await editor.upload(upload("# Pets\n\nNo pets."), editorCaller);
        await editor.publish(docId, editorCaller);
        await editor.unpublish(docId, editorCaller);
        await editor.replace(docId, upload("# Pets\n\nCats only."), editorCaller);
        const published = await Promise.allSettled([
          versions.markPublished(docId, 1, "withdrawn", editorCaller),
          versions.markPublished(docId, 2, "draft", editorCaller),
        ]);
        expect(landedOrRefused(published)).toBeGreaterThan(0);
        const states = (await versions.versions(docId)).map((version) => version.state);
        expect(states.filter((state) => state === "published")).toHaveLength(1);
      });

      it("leaves a deleted document deleted when the other replaces it", async () => {
        const { editor, versions } = editorial;
        const { docId } = await editor.upload(upload("# Pets\n\nNo pets."), editorCaller);
        const draft = await newVersionLike(docId);
        const changes = await Promise.allSettled([
          versions.delete(docId, editorCaller),
          versions.addDraft(draft, "replaced", editorCaller),
        ]);
        landedOrRefused(changes);
        // Replaced first, the new draft is deleted with the rest; deleted first, the replacement is refused.
        expect(changes[0]?.status).toBe("fulfilled");
        expect(await versions.versions(docId)).toEqual([]);
      });
    });

    describe("the drafts' preview index", () => {
      /** An editor whose preview indexes count the documents written to them. */
      function countingEditor() {
        const written: string[] = [];
        const editor = new DocumentEditor(store, new DocumentVersionStore(opened.db), {
          parseLimits: defaultParseLimits,
          openScratchIndex: () => {
            const scratch = new SqliteIndexStore(":memory:");
            const replaceDocument = scratch.replaceDocument.bind(scratch);
            scratch.replaceDocument = async (document, chunks, options) => {
              written.push(document.docId);
              return replaceDocument(document, chunks, options);
            };
            return scratch;
          },
        });
        return { editor, written };
      }
      const hitsIn = async (index: Awaited<ReturnType<DocumentEditor["previewIndex"]>>, question: string) =>
        (await index.searchChunks({ terms: analyzeQuery(question), limit: 5 })).map((hit) => hit.document.docId);

      it("is not re-indexed by a second preview when no draft changed", async () => {
        const { editor, written } = countingEditor();
        const pets = await editor.upload(upload("# Pets\n\nNo pets are allowed in the dormitories."), editorCaller);
        await editor.upload(upload("# Guests\n\nGuests must leave by 10 pm."), editorCaller);
        const first = await editor.previewIndex(analyzeQuery("pets"));
        expect(written).toHaveLength(2);
        const second = await editor.previewIndex(analyzeQuery("pets"));
        expect(written).toHaveLength(2);
        expect(second).toBe(first);
        expect(await hitsIn(second, "pets dormitories")).toEqual([pets.docId]);
      });

      it("sees a new draft, a replaced draft and a published draft at the next preview", async () => {
        const { editor, written } = countingEditor();
        const pets = await editor.upload(upload("# Pets\n\nNo pets are allowed in the dormitories."), editorCaller);
        await editor.previewIndex(analyzeQuery("pets"));
        const parking = await editor.upload(upload("# Parking\n\nPermits cost NT$ 1,200."), editorCaller);
        const afterUpload = await editor.previewIndex(analyzeQuery("parking permits"));
        expect(written).toEqual([pets.docId, parking.docId]);
        expect(await hitsIn(afterUpload, "parking permits")).toEqual([parking.docId]);

        await editor.replace(parking.docId, upload("# Parking\n\nBicycle parking is free."), editorCaller);
        const afterReplace = await editor.previewIndex(analyzeQuery("bicycle"));
        expect(await hitsIn(afterReplace, "bicycle")).toEqual([parking.docId]);
        expect(await hitsIn(afterReplace, "permits")).toEqual([]);

        // Published, the document is still found in the preview, now from the live index.
        await editor.publish(pets.docId, editorCaller);
        const afterPublish = await editor.previewIndex(analyzeQuery("pets dormitories"));
        expect(await hitsIn(afterPublish, "pets dormitories")).toEqual([pets.docId]);
        await editor.delete(pets.docId, editorCaller);
        const afterDelete = await editor.previewIndex(analyzeQuery("pets dormitories"));
        expect(await hitsIn(afterDelete, "pets dormitories")).toEqual([]);
      });
    });
  });
});
