import { deflateSync } from "node:zlib";

/**
 * A one-page PDF whose content stream, compressed, is tiny and, inflated, is `inflatedBytes` of
 * text-showing operators: a "flate bomb" that costs a reader far more than its size suggests.
 */
export function makeFlateBombPdf(inflatedBytes: number): Uint8Array {
  // Sixty lines down the page, repeated: each line is placed on the page, so a reader extracts them all.
  const page = Array.from(
    { length: 60 },
    (_, row) => `1 0 0 1 72 ${720 - row * 12} Tm (Students may borrow ten books.) Tj\n`,
  ).join("");
  const content = `BT /F1 10 Tf\n${page.repeat(Math.ceil(inflatedBytes / page.length))}ET\n`;
  const stream = deflateSync(Buffer.from(content, "latin1"), { level: 9 });
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n", "latin1")];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const piece =
      index === 3
        ? Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n${body}`, "latin1"),
            stream,
            Buffer.from("\nendstream\nendobj\n"),
          ])
        : Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, "latin1");
    parts.push(piece);
    offset += piece.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(offset),
    "%%EOF\n",
  ].join("\n");
  parts.push(Buffer.from(xref, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}
