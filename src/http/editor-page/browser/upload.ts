/**
 * The editors' page's only script: uploads each chosen file in its own request, with a progress
 * bar, so that several files go at once and one bad file does not stop the others. Text is set
 * with textContent, never as HTML.
 */

type UploadReply = { doc_id?: string; error?: { message?: string } };

/** The page's element with this id, which must be of this kind. */
function byId<Kind extends HTMLElement>(id: string, kind: new () => Kind): Kind {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`The editors' page has no #${id}.`);
  return found;
}

const form = byId("upload-form", HTMLFormElement);
const list = byId("upload-progress", HTMLUListElement);
const files = byId("files", HTMLInputElement);
const collectionInput = byId("collection", HTMLInputElement);

function upload(file: File, collection: string): void {
  const item = document.createElement("li");
  const label = document.createElement("span");
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  label.textContent = `${file.name} `;
  item.append(label, bar);
  list.append(item);
  const body = new FormData();
  body.append("file", file);
  if (collection) body.append("collection", collection);
  const request = new XMLHttpRequest();
  request.open("POST", "/editor/upload");
  request.upload.addEventListener("progress", (progress) => {
    if (progress.lengthComputable) bar.value = Math.round((progress.loaded / progress.total) * 100);
  });
  request.addEventListener("load", () => {
    bar.value = 100;
    let reply: UploadReply = {};
    try {
      reply = JSON.parse(request.responseText);
    } catch {
      // Not JSON (a proxy's error page): the status text says what happened.
    }
    const result = document.createElement("span");
    if (request.status === 201 && reply.doc_id) {
      const link = document.createElement("a");
      link.href = `/editor/documents/${encodeURIComponent(reply.doc_id)}`;
      link.textContent = `uploaded as a draft: review ${reply.doc_id}`;
      result.append(" ", link);
    } else {
      result.className = "error";
      result.setAttribute("role", "alert");
      result.textContent = ` not uploaded: ${reply.error?.message || request.statusText}`;
    }
    item.append(result);
  });
  request.addEventListener("error", () => {
    item.append(" not uploaded: the connection failed");
  });
  request.send(body);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const collection = collectionInput.value.trim();
  for (const file of files.files ?? []) upload(file, collection);
  form.reset();
});
