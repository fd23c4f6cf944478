import { z } from "@hono/zod-openapi";

/** What the widget asks before it opens the chat: `collection` is its `data-collection`. */
export const widgetCheckQuerySchema = z.object({
  collection: z.string().max(100).optional().openapi({ description: "The widget's data-collection, if any" }),
});

/**
 * Whether the chat can open where the widget was added. Public: the allowed origins are already in
 * the chat page's `frame-ancestors`, and the collections in `GET /v1/models`.
 */
export const widgetCheckSchema = z
  .object({
    origin: z.string().optional().openapi({ description: "The calling page's origin, from its Origin header" }),
    origin_allowed: z.boolean().openapi({ description: "Whether ALLOWED_ORIGINS lets that page frame the chat" }),
    collection_known: z.boolean().openapi({ description: "Whether the collection asked about exists (true if none)" }),
    collections: z.array(z.string()).openapi({ description: "The collections there are" }),
  })
  .openapi("WidgetCheck");

export type WidgetCheck = z.infer<typeof widgetCheckSchema>;
