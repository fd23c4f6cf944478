import { describe, expect, it } from "vitest";
import { UnknownCollectionError } from "../errors.js";
import { errorResponse } from "./error-response.js";

describe("errorResponse", () => {
  it("says a full disk is a full disk (507 storage_full), whichever store was writing", () => {
    for (const code of ["SQLITE_FULL", "ENOSPC"]) {
      const failure = Object.assign(new Error("database or disk is full"), { code });
      expect(errorResponse(failure)).toMatchObject({
        status: 507,
        body: { error: { code: "storage_full", message: expect.stringContaining("DATA_DIR") } },
      });
    }
  });

  it("says a database found corrupted while serving is a 503 database_corrupted, logged, not a 500", () => {
    const corrupt = Object.assign(new Error("database disk image is malformed"), { code: "SQLITE_CORRUPT" });
    const { response, logged } = answeredAndLogged(corrupt);
    expect(response).toMatchObject({
      status: 503,
      body: { error: { code: "database_corrupted", message: expect.stringContaining("restarts the service") } },
    });
    expect(logged).toHaveLength(1);
  });

  it("says a request whose connection closed mid-body is the client's (400 incomplete_body), not logged", () => {
    const { response, logged } = answeredAndLogged(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    expect(response).toMatchObject({ status: 400, body: { error: { code: "incomplete_body" } } });
    expect(logged).toEqual([]);
  });

  it("maps a domain error by its class, and anything unknown to a 500 that shows nothing", () => {
    expect(errorResponse(new UnknownCollectionError("registar", ["registrar"]))).toMatchObject({
      status: 400,
      body: { error: { code: "unknown_collection" } },
    });
    const original = console.error;
    console.error = () => {};
    try {
      expect(errorResponse(new Error("secret internals"))).toEqual({
        status: 500,
        headers: {},
        body: { error: { code: "internal_error", message: "Something went wrong on our side." } },
      });
    } finally {
      console.error = original;
    }
  });
});

/** The response for `error`, and what was written to stderr (the log, outside a request) meanwhile. */
function answeredAndLogged(error: Error): { response: ReturnType<typeof errorResponse>; logged: unknown[] } {
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]) => logged.push(parts);
  try {
    return { response: errorResponse(error), logged };
  } finally {
    console.error = original;
  }
}
