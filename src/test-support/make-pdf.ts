import PDFDocument from "pdfkit";

/** A real PDF with one string per page, made in memory (Helvetica: Latin text only). */
export function makePdf(pages: string[], title = "Test PDF"): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ info: { Title: title } });
    const parts: Buffer[] = [];
    document.on("data", (part: Buffer) => parts.push(part));
    document.on("end", () => resolve(new Uint8Array(Buffer.concat(parts))));
    document.on("error", reject);
    pages.forEach((text, index) => {
      if (index > 0) document.addPage();
      document.text(text);
    });
    document.end();
  });
}
