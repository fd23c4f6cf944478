import fc from "fast-check";
import { it } from "vitest";
import { startFuzzFixture } from "../test-support/fuzz-fixture.js";
import { fuzzedRequest, type OpenApiDocument, operationsOf } from "../test-support/request-fuzzer.js";

it("profile", async () => {
  const fixture = await startFuzzFixture();
  const app = fixture.apps["open answers"];
  const document = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
  const ops = operationsOf(document, app.routes);
  console.log(
    ops
      .map((o) => `${o.method} ${o.path} [${o.pathParameters}] q=${o.query.length} b=${Object.keys(o.bodies)}`)
      .join("\n"),
  );
  const samples = fc.sample(fuzzedRequest(ops), { seed: 142026, numRuns: 2000 });
  const counts = new Map<string, number>();
  const docs: string[] = [];
  for (const r of samples) {
    const res = await fixture.send(r);
    const k = `${r.credential} ${res.status}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    if (
      r.path.startsWith("/v1/documents") &&
      r.method === "POST" &&
      r.credential === "editor key" &&
      r.bodyKind.startsWith("multipart, well")
    )
      docs.push(`${res.status} ${r.path.slice(0, 50)} ${res.text.slice(0, 150)}`);
  }
  console.log(
    [...counts]
      .sort()
      .map(([k, n]) => `${k}: ${n}`)
      .join("\n"),
  );
  console.log(docs.join("\n"));
  await fixture.close();
}, 200000);
