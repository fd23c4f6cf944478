import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfidenceModel } from "./config/confidence-model.js";
import { ConfigError, defaultParseLimits, loadConfig, personaFor } from "./config.js";
import { makeTemporaryFolder } from "./test-support/temporary-folder.js";

describe("loadConfig", () => {
  it("defaults every setting so that a fresh clone runs with no environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      knowledgeDir: path.resolve("knowledge"),
      dataDir: path.resolve("data"),
      databaseFile: path.resolve("data", "grounded-faq.sqlite"),
      abstainThreshold: 0.25,
      logLevel: "info",
    });
    // The sample university's desk, from the sample knowledge folder's settings file.
    expect(config.persona.contactLines.zh).toMatch(/教務處/);
    expect(config.helpDeskSettingsFile).toBe(path.resolve("knowledge", "_help-desk.yml"));
  });

  describe("the contact lines and crisis lines", () => {
    const withFolder = (run: (folder: ReturnType<typeof makeTemporaryFolder>) => void) => {
      const folder = makeTemporaryFolder();
      try {
        run(folder);
      } finally {
        folder.cleanUp();
      }
    };

    it("sends a deployment that set no contact line to the office responsible, never to the sample's desk", () => {
      withFolder((folder) => {
        const config = loadConfig({ KNOWLEDGE_DIR: folder.root });
        expect(config.persona.contactLines).toEqual({
          zh: "請洽負責此業務的單位。",
          en: "Please contact the office responsible.",
        });
        expect(JSON.stringify([config.persona.contactLines, config.crisisResources])).not.toMatch(
          /1234|registrar|lakeside|0110/i,
        );
        expect(config.helpDeskSettingsFile).toBeUndefined();
        const withContact = loadConfig({ KNOWLEDGE_DIR: folder.root, SERVICE_CONTACT: "helpdesk@example.edu" });
        expect(withContact.persona.contactLines.zh).toBe("請洽負責此業務的單位，或聯絡本服務：helpdesk@example.edu。");
      });
    });

    it("gives Taiwan's crisis lines by default, and the settings file's when it lists them", () => {
      withFolder((folder) => {
        const numbers = (config: ReturnType<typeof loadConfig>) =>
          config.crisisResources.lines.map((line) => line.number);
        expect(numbers(loadConfig({ KNOWLEDGE_DIR: folder.root }))).toEqual(["1925", "1995", "110 / 119"]);
        expect(loadConfig({ KNOWLEDGE_DIR: folder.root }).crisisResources.campusSecurity).toBeUndefined();
        folder.write(
          "_help-desk.yml",
          "crisis_lines:\n  - name: { zh: 學輔中心, en: Counselling centre }\n    number: 03-555-0199\ncampus_security:\n  name: { zh: 校安中心, en: Campus security }\n  number: 03-555-0110\n",
        );
        const config = loadConfig({ KNOWLEDGE_DIR: folder.root });
        expect(numbers(config)).toEqual(["03-555-0199"]);
        expect(config.crisisResources.campusSecurity?.number).toBe("03-555-0110");
      });
    });

    it("takes the environment over the settings file over the neutral line, and collection overrides over both", () => {
      withFolder((folder) => {
        folder.write(
          "_help-desk.yml",
          "contact_lines:\n  zh: 請洽學務處。\n  en: Please ask Student Affairs.\nservice_contact: desk@example.edu\n",
        );
        const fromFile = loadConfig({ KNOWLEDGE_DIR: folder.root });
        expect(fromFile.persona.contactLines).toEqual({ zh: "請洽學務處。", en: "Please ask Student Affairs." });
        const config = loadConfig({
          KNOWLEDGE_DIR: folder.root,
          CONTACT_LINE_EN: "Call 123.",
          COLLECTION_PERSONAS: JSON.stringify({ housing: { contact_line_zh: "請洽宿舍服務中心。" } }),
        });
        expect(config.persona.contactLines).toEqual({ zh: "請洽學務處。", en: "Call 123." });
        expect(personaFor(config, "housing").contactLines).toEqual({ zh: "請洽宿舍服務中心。", en: "Call 123." });
      });
    });

    it("stops on a mistake in the settings file, naming the file and the line", () => {
      withFolder((folder) => {
        folder.write("_help-desk.yml", "contact_lines:\n  zh: 請洽學務處。\n  fr: Veuillez…\n");
        const file = path.join(folder.root, "_help-desk.yml");
        expect(() => loadConfig({ KNOWLEDGE_DIR: folder.root })).toThrow(ConfigError);
        expect(() => loadConfig({ KNOWLEDGE_DIR: folder.root })).toThrow(
          `${file}:3: contact_lines: Unrecognized key: "fr"`,
        );
      });
    });
  });

  it("reads the environment, treating an empty variable as unset", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      DATA_DIR: "/srv/faq",
      ABSTAIN_THRESHOLD: "",
      CONTACT_LINE_EN: "Call 123.",
    });
    expect(config).toMatchObject({ port: 8080, host: "127.0.0.1", dataDir: "/srv/faq", abstainThreshold: 0.25 });
    expect(loadConfig({}).host).toBe("0.0.0.0");
    expect(config.persona.contactLines.en).toBe("Call 123.");
  });

  it("reads the parsing limits, and PDF_PARSE_TIMEOUT_MS as the former name of PARSE_TIMEOUT_MS", () => {
    expect(loadConfig({}).parseLimits).toEqual(defaultParseLimits);
    expect(
      loadConfig({ MAX_DOCUMENT_TEXT_MB: "2.5", MAX_DOCUMENT_CHUNKS: "900", PARSE_MEMORY_MB: "512" }).parseLimits,
    ).toMatchObject({ maxTextChars: 2.5 * 1024 * 1024, maxChunks: 900, memoryMb: 512 });
    expect(loadConfig({ PDF_PARSE_TIMEOUT_MS: "5000" }).parseLimits.timeoutMs).toBe(5000);
    expect(loadConfig({ PDF_PARSE_TIMEOUT_MS: "5000", PARSE_TIMEOUT_MS: "9000" }).parseLimits.timeoutMs).toBe(9000);
  });

  it("answers extractively unless a model server is configured", () => {
    expect(loadConfig({}).model).toBeUndefined();
    expect(loadConfig({ OPENAI_API_KEY: "sk-test" }).model).toMatchObject({
      apiKey: "sk-test",
      chatModel: "gpt-4o-mini",
      answerTimeoutMs: 20_000,
    });
    expect(loadConfig({ OPENAI_BASE_URL: "http://localhost:11434/v1", CHAT_MODEL: "qwen2.5" }).model).toMatchObject({
      baseUrl: "http://localhost:11434/v1",
      chatModel: "qwen2.5",
    });
  });

  it("reads a calibrated confidence model from CONFIDENCE_MODEL_FILE, and names the variable when it is bad", () => {
    const folder = makeTemporaryFolder();
    try {
      expect(loadConfig({}).confidenceModel).toBe(defaultConfidenceModel);
      folder.write("model.json", JSON.stringify({ intercept: -3, weights: { subjectNamed: 2.5 } }));
      const file = path.join(folder.root, "model.json");
      expect(loadConfig({ CONFIDENCE_MODEL_FILE: file }).confidenceModel).toEqual({
        intercept: -3,
        weights: { subjectNamed: 2.5 },
      });
      folder.write("typo.json", JSON.stringify({ intercept: -3, weights: { subjectNamd: 2.5 } }));
      folder.write("broken.json", "{ intercept:");
      for (const bad of ["typo.json", "broken.json", "missing.json"]) {
        expect(() => loadConfig({ CONFIDENCE_MODEL_FILE: path.join(folder.root, bad) })).toThrow(
          /CONFIDENCE_MODEL_FILE/,
        );
      }
      expect(() => loadConfig({ CONFIDENCE_MODEL_FILE: path.join(folder.root, "broken.json") })).toThrow(
        /not valid JSON/,
      );
      // Read as every deployment file named by a variable is: the file and the cause, then what to do.
      expect(() => loadConfig({ CONFIDENCE_MODEL_FILE: path.join(folder.root, "missing.json") })).toThrow(
        /missing\.json: cannot be read \(ENOENT\); write one with npm run eval/,
      );
      expect(() => loadConfig({ CONFIDENCE_MODEL_FILE: path.join(folder.root, "typo.json") })).toThrow(
        /unknown signal subjectNamd; the signals are passageCoverage, .*termOverlap/,
      );
    } finally {
      folder.cleanUp();
    }
  });

  it("keeps the editorial state in PostgreSQL only when DATABASE_URL is set, and counts limits in Redis with REDIS_URL", () => {
    expect(loadConfig({}).editorialDatabase).toEqual({ file: path.resolve("data", "editorial.sqlite") });
    const shared = loadConfig({ DATABASE_URL: "postgres://faq:secret@db:5432/faq", REDIS_URL: "redis://redis:6379" });
    expect(shared.editorialDatabase).toEqual({ url: "postgres://faq:secret@db:5432/faq" });
    expect(shared.redisUrl).toBe("redis://redis:6379");
    expect(() => loadConfig({ DATABASE_URL: "mysql://faq@db/faq" })).toThrow(/DATABASE_URL.*postgres:\/\//);
    expect(() => loadConfig({ REDIS_URL: "http://redis" })).toThrow(/REDIS_URL.*redis:\/\//);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: "-1" })).toThrow(/SHUTDOWN_GRACE_MS/);
  });

  it("uses Qdrant only when QDRANT_URL is set", () => {
    expect(loadConfig({}).qdrant).toBeUndefined();
    expect(loadConfig({ QDRANT_URL: "http://qdrant:6333", QDRANT_API_KEY: "k" }).qdrant).toEqual({
      url: "http://qdrant:6333",
      apiKey: "k",
      collection: "grounded_faq",
    });
  });

  it("merges a collection's persona over the global one", () => {
    const config = loadConfig({
      ASSISTANT_NAME: "湖光小幫手",
      ANSWER_GUIDANCE: "Be brief.\nNo emoji.",
      COLLECTION_PERSONAS: JSON.stringify({ housing: { tone: "formal", contact_line_zh: "請洽宿舍服務中心。" } }),
    });
    expect(personaFor(config, "housing")).toMatchObject({
      assistantName: "湖光小幫手",
      tone: "formal",
      guidance: ["Be brief.", "No emoji."],
      // The variable's Chinese line; the English one from the sample settings file's housing lines.
      contactLines: { zh: "請洽宿舍服務中心。", en: expect.stringContaining("Housing Services Section") },
    });
    expect(personaFor(config, "registrar")).toBe(config.persona);
  });

  it("gives a collection the contact lines the settings file names for it", () => {
    const config = loadConfig({});
    expect(personaFor(config, "library").contactLines.zh).toContain("湖光圖書館流通組");
    expect(personaFor(config, "library").assistantName).toBe(config.persona.assistantName);
    expect(personaFor(config, "registrar").contactLines).toEqual(config.persona.contactLines);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["HOST", "http://0.0.0.0"],
    ["ABSTAIN_THRESHOLD", "2"],
    ["OPENAI_BASE_URL", "localhost:11434"],
    ["ANSWER_TONE", "sarcastic"],
    ["LOG_LEVEL", "verbose"],
    ["QDRANT_URL", "qdrant:6333"],
    ["QDRANT_COLLECTION", "has spaces"],
    ["COLLECTION_PERSONAS", "{housing: formal}"],
    ["COLLECTION_PERSONAS", '{"housing": {"tone": "sarcastic"}}'],
  ])("stops on a bad %s and names it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it("limits request rates by default, reads each group's limit, and RATE_LIMITS=off turns them all off", () => {
    expect(loadConfig({}).rateLimits).toMatchObject({
      ask: { limit: 60, windowMs: 60_000 },
      signIn: { limit: 10, windowMs: 15 * 60_000 },
      handoff: { limit: 20, windowMs: 3_600_000 },
    });
    expect(loadConfig({ RATE_LIMIT_ASK: "100/ 5s", RATE_LIMIT_EDIT: "500/day" }).rateLimits).toMatchObject({
      ask: { limit: 100, windowMs: 5000 },
      edit: { limit: 500, windowMs: 86_400_000 },
    });
    expect(loadConfig({ RATE_LIMITS: "off" }).rateLimits).toBeUndefined();
    expect(loadConfig({}).trustedProxies).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustedProxies).toBe(1);
  });

  it("refuses a rate limit it cannot read, naming the variable and the format", () => {
    for (const bad of ["60", "60 per minute", "0/min", "60/0min", "-5/min"]) {
      expect(() => loadConfig({ RATE_LIMIT_ASK: bad })).toThrow(/RATE_LIMIT_ASK: .* is not a rate limit; .*60\/min/);
    }
    expect(() => loadConfig({ RATE_LIMITS: "no" })).toThrow(/RATE_LIMITS: use on or off/);
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: use the number of reverse proxies/);
  });

  it("signs students in only with a key, an issuer and an audience, and names what is missing", () => {
    expect(loadConfig({}).studentTokens).toBeUndefined();
    const secret = "a-shared-secret-of-at-least-32-characters";
    expect(
      loadConfig({ STUDENT_TOKEN_SECRET: secret, STUDENT_TOKEN_ISSUER: "portal", STUDENT_TOKEN_AUDIENCE: "faq" })
        .studentTokens,
    ).toEqual({ secret, issuer: "portal", audience: "faq" });
    expect(() => loadConfig({ STUDENT_TOKEN_SECRET: secret })).toThrow(
      /STUDENT_TOKEN_ISSUER, STUDENT_TOKEN_AUDIENCE: set both/,
    );
    expect(() => loadConfig({ STUDENT_TOKEN_ISSUER: "portal", STUDENT_TOKEN_AUDIENCE: "faq" })).toThrow(
      /STUDENT_TOKEN_SECRET or STUDENT_TOKEN_JWKS_URL: set one/,
    );
    expect(() =>
      loadConfig({
        STUDENT_TOKEN_SECRET: secret,
        STUDENT_TOKEN_JWKS_URL: "https://portal.example.edu/jwks.json",
        STUDENT_TOKEN_ISSUER: "portal",
        STUDENT_TOKEN_AUDIENCE: "faq",
      }),
    ).toThrow(/set one of them, not both/);
    expect(() => loadConfig({ STUDENT_TOKEN_SECRET: "short" })).toThrow(
      /STUDENT_TOKEN_SECRET: use at least 32 characters/,
    );
    expect(() => loadConfig({ SIGN_IN_URL: "portal/login" })).toThrow(/SIGN_IN_URL/);
    expect(() =>
      loadConfig({
        STUDENT_TOKEN_JWKS_URL: "http://portal.example.edu/jwks.json",
        STUDENT_TOKEN_ISSUER: "p",
        STUDENT_TOKEN_AUDIENCE: "f",
      }),
    ).toThrow(/STUDENT_TOKEN_JWKS_URL: use https/);
  });
});
