import { deliverHandoff, type WebhookSettings } from "./handoff-webhook.js";
import type { HandoffTicket, InteractionStore } from "./interaction-store.js";

/** Sends hand-off tickets to the helpdesk's webhook, when one is configured. */
export interface HandoffDelivery {
  /** Whether tickets are sent anywhere (else they wait in the editors' list). */
  readonly configured: boolean;
  /**
   * Sends one ticket in the background, unless another replica is sending it; the ticket records
   * how delivery ended.
   */
  deliver(ticket: HandoffTicket): void;
  /**
   * Sends again the tickets whose delivery a restart (of this replica or another) cut short;
   * resolves once they are on their way. Never rejects: tickets that cannot be read are logged,
   * and wait for the next time.
   */
  resumePending(): Promise<void>;
}

export function createHandoffDelivery(
  interactions: Pick<InteractionStore, "setDelivery" | "pendingHandoffs" | "claimDelivery">,
  webhook: WebhookSettings | undefined,
  log: (event: string, fields: Record<string, unknown>) => void = () => {},
): HandoffDelivery {
  const deliver = (ticket: HandoffTicket) => {
    if (!webhook) return;
    // One write after another, in the order they were made: on PostgreSQL's pool a late "pending"
    // would otherwise overwrite how delivery ended.
    let written = Promise.resolve();
    const record = (delivery: "pending" | "delivered" | "failed", attempts: number) => {
      const write = written.then(() => interactions.setDelivery(ticket.id, delivery, attempts));
      written = write.catch(() => {});
      return write;
    };
    const failed = (error: unknown) => log("handoff_delivery_error", { ticket: ticket.id, reason: String(error) });
    // Sent after the reply: the student does not wait for the helpdesk's server, and a failing one
    // is retried; the ticket says how delivery ended. Only by the replica that claims it.
    void interactions
      .claimDelivery(ticket.id)
      .then(async (claimed) => {
        if (!claimed) return;
        const { delivered, attempts } = await deliverHandoff(handoffTicketBody(ticket), webhook, (attempt) => {
          record("pending", attempt).catch(failed);
        });
        await record(delivered ? "delivered" : "failed", attempts);
        log("handoff_delivery", { ticket: ticket.id, delivered, attempts });
      })
      .catch(failed);
  };
  return {
    configured: webhook !== undefined,
    deliver,
    resumePending: async () => {
      try {
        for (const ticket of await interactions.pendingHandoffs()) deliver(ticket);
      } catch (error) {
        log("handoff_delivery_error", { reason: String(error) });
      }
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
