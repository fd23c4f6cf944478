/** The kinds of danger that patterns and warning signs name. */
export const namedCrisisTopics = ["self_harm", "abuse", "violence", "emergency"] as const;
export type NamedCrisisTopic = (typeof namedCrisisTopics)[number];

/**
 * Someone may be in danger: they get a safety reply with crisis lines and a person, never a policy
 * quote. `distress` is a crisis the classifier reads all but certainly where neither a warning sign
 * nor its model of topics names the kind.
 */
export type CrisisTopic = NamedCrisisTopic | "distress";

/** A request to do something harmful or dishonest (reading others' data, forgery, theft…): declined briefly. */
export type HarmfulRequestTopic =
  | "others_data"
  | "forgery"
  | "deception"
  | "grade_tampering"
  | "hacking"
  | "cheating"
  | "theft"
  | "trespass";

export type SafetyConcern =
  | { kind: "crisis"; topic: CrisisTopic }
  | { kind: "harmful_request"; topic: HarmfulRequestTopic };
