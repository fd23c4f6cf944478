import { defaultParseLimits, type ParseLimits } from "../config.js";
import type { AppDependencies } from "../http/app-dependencies.js";
import { createHandoffDelivery } from "../interactions/handoff-delivery.js";
import type { WebhookSettings } from "../interactions/handoff-webhook.js";
import { type Editorial, openEditorial } from "../open-editorial.js";
import type { IndexStore } from "../store/index-store.js";

/** The editorial dependencies of an app under test: an in-memory editorial database over `store`. */
export async function editorialFor(
  store: IndexStore,
  options: {
    maxUploadBytes?: number;
    requireApiKeyForAnswers?: boolean;
    parseLimits?: Partial<ParseLimits>;
    handoffWebhook?: WebhookSettings;
  } = {},
): Promise<AppDependencies["editorial"] & Pick<Editorial, "versions">> {
  const { keys, editor, versions, interactions, vocabulary, phrasings, sessions } = await openEditorial(
    { file: ":memory:" },
    store,
    { parseLimits: { ...defaultParseLimits, ...options.parseLimits } },
  );
  return {
    keys,
    editor,
    versions,
    interactions,
    vocabulary,
    phrasings,
    sessions,
    maxUploadBytes: options.maxUploadBytes ?? 5 * 1024 * 1024,
    requireApiKeyForAnswers: options.requireApiKeyForAnswers ?? false,
    handoffDelivery: createHandoffDelivery(interactions, options.handoffWebhook),
  };
}
