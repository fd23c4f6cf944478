import path from "node:path";
import type { ActionDefinition } from "../actions/action-definition.js";
import { readActionDefinitions } from "../actions/action-definition.js";
import { RecordSystems } from "../actions/call-record-system.js";
import { type RecordLookUpOptions, RecordLookUps } from "../actions/look-up-records.js";
import { ActionMatcher } from "../actions/match-action.js";
import { type AnswerService, type AnswerServiceDependencies, createAnswerService } from "../ask/answer-service.js";
import { defaultConfidenceModel } from "../config/confidence-model.js";
import { ConversationMemory } from "../conversation/conversation-memory.js";
import type { Editorial } from "../open-editorial.js";
import type { IndexStore } from "../store/index-store.js";
import { FAKE_SYSTEM_TOKEN, type FakeStudentSystem } from "./fake-student-system.js";
import { testPersona } from "./test-persona.js";

/** The sample university's actions (and `extraActions`) against the fake student system, audited in `editorial`. */
export function sampleRecordLookUps(
  system: Pick<FakeStudentSystem, "baseUrl">,
  editorial: Pick<Editorial, "actionAudit" | "actionConfirmations">,
  options: RecordLookUpOptions & { extraActions?: ActionDefinition[] } = {},
): RecordLookUps {
  const { extraActions = [], ...lookUpOptions } = options;
  return new RecordLookUps(
    new ActionMatcher([...readActionDefinitions(path.resolve("knowledge")), ...extraActions]),
    new RecordSystems({ environment: { SIS_BASE_URL: system.baseUrl, SIS_API_TOKEN: FAKE_SYSTEM_TOKEN } }),
    editorial.actionAudit,
    editorial.actionConfirmations,
    lookUpOptions,
  );
}

/** An extractive answer service over `store` that looks up records with `records` (and signs people in at `signInUrl`). */
export function answerServiceWithLookUps(
  store: IndexStore,
  records: RecordLookUps,
  answerLog: AnswerServiceDependencies["answerLog"],
  signInUrl?: string,
): AnswerService {
  return createAnswerService({
    store,
    answering: { abstainThreshold: 0.25, faqMatchThreshold: 0.4, confidenceModel: defaultConfidenceModel },
    conversations: new ConversationMemory(),
    answerLog,
    personaFor: () => testPersona(),
    records,
    ...(signInUrl ? { signInUrl } : {}),
  });
}
