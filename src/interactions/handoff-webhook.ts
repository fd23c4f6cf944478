import { createHmac } from "node:crypto";
import { withRetries } from "../retry.js";

export interface WebhookSettings {
  url: string;
  /** Shared with the helpdesk: it recomputes the signature to know the ticket came from us. */
  secret: string;
  /** Attempts in all; waits double from `firstDelayMs` between them. */
  attempts: number;
  firstDelayMs: number;
  timeoutMs: number;
}

export const SIGNATURE_HEADER = "x-grounded-faq-signature";
export const TIMESTAMP_HEADER = "x-grounded-faq-timestamp";

/**
 * The signature of a delivery: HMAC-SHA256 of `<timestamp>.<body>` with the shared secret, as
 * `sha256=<hex>`. The timestamp inside it lets a receiver refuse an old delivery sent again.
 */
export function signDelivery(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** A delivery that did not go through; whether another try may help is decided where it is raised. */
class DeliveryError extends Error {
  constructor(
    message: string,
    readonly isRetryable: boolean,
  ) {
    super(message);
  }
}

/**
 * Sends a ticket to the helpdesk's webhook as JSON, retrying a failure (a network error, a 5xx
 * or 429) with backoff; a 4xx other than 429 is not retried. Resolves to how it ended.
 */
export async function deliverHandoff(
  ticket: { id: string },
  settings: WebhookSettings,
  onAttempt: (attempts: number) => void = () => {},
): Promise<{ delivered: boolean; attempts: number }> {
  const body = JSON.stringify({ type: "handoff.created", ticket });
  let attempts = 0;
  const send = async (attempt: number) => {
    attempts = attempt;
    onAttempt(attempt);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let response: Response;
    try {
      response = await fetch(settings.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          // The same for every attempt and every replica: a helpdesk can tell a ticket sent again.
          "idempotency-key": ticket.id,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signDelivery(settings.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      // Unreachable or too slow: worth another try.
      throw new DeliveryError(`the webhook could not be reached: ${String(error)}`, true);
    }
    if (!response.ok) {
      throw new DeliveryError(
        `the webhook answered ${response.status}`,
        response.status >= 500 || response.status === 429,
      );
    }
  };
  try {
    await withRetries(send, { attempts: settings.attempts, firstDelayMs: settings.firstDelayMs });
    return { delivered: true, attempts };
  } catch {
    return { delivered: false, attempts };
  }
}
