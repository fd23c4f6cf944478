import type { ChatModel, ToolDefinition } from "../models/chat-model.js";
import { type ActionDefinition, valueIn } from "./action-definition.js";

/** An action a model chose for a question, with the parameters it read from it (each checked by its pattern). */
export interface ChosenAction {
  action: ActionDefinition;
  parameters: Record<string, string>;
}

const ROUTING_INSTRUCTIONS = `You route a signed-in student's message to the university's systems.
Call one of the tools only when the message asks about the student's own record (their loans, courses, fees, applications) or asks to change it; the student's identity is known and is never an argument.
Fill an argument only with a value the message states; leave out any it does not.
When the message asks about rules for everyone, about someone else, or about anything else, do not call a tool: reply NONE.`;

/** A tool's name: the action's id as a function name ("library-loans" → "library_loans"). */
function toolName(action: ActionDefinition): string {
  return action.id.replaceAll("-", "_");
}

/**
 * The actions as tools for a model's tool calling: what each does, from its title, description and
 * example questions, and its parameters from the question (never the student's id, which only the
 * verified token gives).
 */
export function actionTools(actions: readonly ActionDefinition[]): ToolDefinition[] {
  return actions.map((action) => {
    const fromQuestion = Object.entries(action.parameters).flatMap(([name, parameter]) =>
      parameter.from === "question" ? [[name, parameter] as const] : [],
    );
    return {
      name: toolName(action),
      description: [
        `${action.title.en} (${action.title.zh}).`,
        action.description ? action.description.en : "",
        action.changes ? "It changes the record; the student confirms before it runs." : "It only reads the record.",
        `Asked like: ${[...action.examples.en, ...action.examples.zh].slice(0, 6).join(" / ")}`,
      ]
        .filter(Boolean)
        .join(" "),
      parameters: {
        type: "object",
        properties: Object.fromEntries(
          fromQuestion.map(([name, parameter]) => [name, { type: "string", description: parameter.ask.en }]),
        ),
        additionalProperties: false,
      },
    };
  });
}

/**
 * The action a model chooses for a question, by tool calling, or undefined when it chooses none.
 * An argument is kept only when the action's own pattern finds it in what the model wrote, so a
 * model cannot pass the system anything a student could not have typed; the rest is asked for.
 */
export async function chooseActionWithModel(
  model: ChatModel,
  question: string,
  actions: readonly ActionDefinition[],
  /** `actionTools(actions)`, made once. */
  tools: readonly ToolDefinition[],
  signal?: AbortSignal,
): Promise<ChosenAction | undefined> {
  const call = await model.chooseTool(
    [
      { role: "system", content: ROUTING_INSTRUCTIONS },
      { role: "user", content: question },
    ],
    tools,
    { signal },
  );
  const action = call && actions.find((candidate) => toolName(candidate) === call.name);
  if (!call || !action) return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(action.parameters)) {
    const written = call.arguments[name];
    if (parameter.from !== "question" || typeof written !== "string") continue;
    const found = valueIn(parameter, written);
    if (found !== undefined) parameters[name] = found;
  }
  return { action, parameters };
}
