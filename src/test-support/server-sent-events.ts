// biome-ignore-all lint/suspicious/noExplicitAny: event data is checked field by field by the tests that read it.
/** The events of a Server-Sent Events body, with their JSON data parsed. */
export function parseServerSentEvents(body: string): { event: string; data: any }[] {
  return body
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event =
        lines
          .find((line) => line.startsWith("event:"))
          ?.slice(6)
          .trim() ?? "message";
      const data = lines
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart())
        .join("\n");
      return { event, data: JSON.parse(data) };
    });
}
