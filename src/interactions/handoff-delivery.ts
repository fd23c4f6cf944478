import { deliverHandoff, type WebhookSettings } from "./handoff-webhook.js";
import type { HandoffTicket, InteractionStore } from "./interaction-store.js";

/** Sends hand-off tickets to the helpdesk's webhook, when one is configured. */
export interface HandoffDelivery {
  /** Whether tickets are sent anywhere (else they wait in the editors' list). */
  readonly configured: boolean;
  /** Sends one ticket in the background; the ticket records how delivery ended. */
  deliver(ticket: HandoffTicket): void;
  /** Sends again the tickets whose delivery a restart cut short. */
  resumePending(): void;
}

export function createHandoffDelivery(
  interactions: Pick<InteractionStore, "setDelivery" | "pendingHandoffs">,
  webhook: WebhookSettings | undefined,
  log: (event: string, fields: Record<string, unknown>) => void = () => {},
): HandoffDelivery {
  const deliver = (ticket: HandoffTicket) => {
    if (!webhook) return;
    // Sent after the reply: the student does not wait for the helpdesk's server, and a failing one
    // is retried; the ticket says how delivery ended.
    void deliverHandoff(handoffTicketBody(ticket), webhook, (attempts) =>
      interactions.setDelivery(ticket.id, "pending", attempts),
    )
      .then(({ delivered, attempts }) => {
        interactions.setDelivery(ticket.id, delivered ? "delivered" : "failed", attempts);
        log("handoff_delivery", { ticket: ticket.id, delivered, attempts });
      })
      .catch((error: unknown) => log("handoff_delivery_error", { ticket: ticket.id, reason: String(error) }));
  };
  return {
    configured: webhook !== undefined,
    deliver,
    resumePending: () => {
      for (const ticket of interactions.pendingHandoffs()) deliver(ticket);
    },
  };
}

/** A ticket as the API shows it and the webhook sends it. */
export function handoffTicketBody(ticket: HandoffTicket) {
  return {
    id: ticket.id,
    at: ticket.at,
    status: ticket.status,
    collection: ticket.collection,
    conversation_id: ticket.conversationId,
    answer_id: ticket.answerId,
    name: ticket.name,
    contact: ticket.contact,
    message: ticket.message,
    transcript: ticket.transcript,
    delivery: ticket.delivery,
    delivery_attempts: ticket.deliveryAttempts,
    closed_at: ticket.closedAt,
    closed_by: ticket.closedBy,
  };
}
