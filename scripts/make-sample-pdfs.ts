/**
 * Generates the sample PDF documents of the knowledge corpus from plain-text
 * sources in scripts/sample-pdfs/*.txt.
 *
 *   npx tsx scripts/make-sample-pdfs.ts            # all sources
 *   npx tsx scripts/make-sample-pdfs.ts fee-schedule-2026.txt
 *
 * The generated PDFs are committed to the repository; CI does not run this
 * script. Chinese sources need a CJK font: on Debian/Ubuntu install it with
 * `apt-get install -y fonts-noto-cjk` (or point CJK_FONT at another
 * .ttc/.otf/.ttf file, with CJK_FACE naming the face inside a collection).
 * Only ONE CJK face is embedded (headings are emboldened by stroking the
 * glyph outlines) because every embedded CJK subset adds ~70 KB.
 *
 * Source format (UTF-8):
 *
 *   title: Document title            <- header block: `key: value` lines
 *   output: knowledge/x/y.pdf           up to the first blank line.
 *   lang: zh-Hant | en                  Keys: title (required), output
 *   subject: ...                        (required, relative to the repo root),
 *   author: ...                         lang (default en), subject, author.
 *
 *   # Heading                        <- section heading
 *   Paragraph text. Consecutive non-blank lines are joined into one paragraph
 *   (with a space for English, with nothing for Chinese).
 *
 *   - bullet item                    <- one bullet per line
 *   | cell | cell | cell             <- table row; the first row of a block is
 *                                       the header row (drawn in bold)
 *   ---page---                       <- page break
 *
 * Dates in the PDF metadata are fixed so that regenerating the files without
 * changing the sources gives stable output.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const sourceDir = path.join(here, "sample-pdfs");

const CJK_FONT = process.env.CJK_FONT ?? "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const CJK_FACE = process.env.CJK_FACE ?? "NotoSansCJKtc-Regular";

const FIXED_DATE = new Date("2026-08-01T00:00:00Z");

type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; rows: string[][] }
  | { kind: "pagebreak" };

interface Source {
  file: string;
  meta: Record<string, string>;
  blocks: Block[];
}

function parseSource(file: string): Source {
  const raw = fs.readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
  const lines = raw.split("\n");
  const meta: Record<string, string> = {};
  let lineIndex = 0;
  for (; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex] ?? "";
    if (line.trim() === "") break;
    const field = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!field)
      throw new Error(`${file}:${lineIndex + 1}: expected "key: value" in header, got ${JSON.stringify(line)}`);
    meta[field[1] as string] = (field[2] as string).trim();
  }
  for (const key of ["title", "output"]) {
    if (!meta[key]) throw new Error(`${file}: header is missing "${key}:"`);
  }
  const cjk = (meta.lang ?? "en").startsWith("zh");
  const joiner = cjk ? "" : " ";

  const blocks: Block[] = [];
  let paragraphLines: string[] = [];
  const flushPara = () => {
    if (paragraphLines.length > 0) blocks.push({ kind: "paragraph", text: paragraphLines.join(joiner) });
    paragraphLines = [];
  };
  for (lineIndex++; lineIndex < lines.length; lineIndex++) {
    const line = (lines[lineIndex] ?? "").trimEnd();
    const last = blocks[blocks.length - 1];
    if (line.trim() === "") {
      flushPara();
    } else if (line.trim() === "---page---") {
      flushPara();
      blocks.push({ kind: "pagebreak" });
    } else if (line.startsWith("# ")) {
      flushPara();
      blocks.push({ kind: "heading", text: line.slice(2).trim() });
    } else if (line.startsWith("- ")) {
      flushPara();
      const item = line.slice(2).trim();
      if (last?.kind === "bullets" && paragraphLines.length === 0) last.items.push(item);
      else blocks.push({ kind: "bullets", items: [item] });
    } else if (line.startsWith("| ")) {
      flushPara();
      const cells = line
        .slice(1)
        .split("|")
        .map((cell) => cell.trim())
        .filter((cell, position, cells) => !(cell === "" && position === cells.length - 1));
      if (last?.kind === "table") last.rows.push(cells);
      else blocks.push({ kind: "table", rows: [cells] });
    } else {
      paragraphLines.push(line.trim());
    }
  }
  flushPara();
  return { file, meta, blocks };
}

function render(source: Source): Promise<string> {
  const { meta, blocks } = source;
  const cjk = (meta.lang ?? "en").startsWith("zh");
  if (cjk && !fs.existsSync(CJK_FONT)) {
    throw new Error(`CJK font not found at ${CJK_FONT}. Install it with: apt-get install -y fonts-noto-cjk`);
  }
  const outPath = path.resolve(repoRoot, meta.output as string);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });

  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title as string,
      Author: meta.author ?? "Taipei Lakeside University",
      Subject: meta.subject ?? "",
      Creator: "grounded-faq scripts/make-sample-pdfs.ts",
      Producer: "PDFKit",
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    },
  });

  if (cjk) {
    pdf.registerFont("body", CJK_FONT, CJK_FACE);
    pdf.registerFont("bold", CJK_FONT, CJK_FACE);
  } else {
    pdf.registerFont("body", "Helvetica");
    pdf.registerFont("bold", "Helvetica-Bold");
  }

  const out = fs.createWriteStream(outPath);
  pdf.pipe(out);

  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const left = pdf.page.margins.left;
  const lineGap = cjk ? 4 : 2;
  // Faux bold for the single CJK face: fill and stroke the glyph outlines.
  const bold = (): PDFKit.Mixins.TextOptions => {
    pdf.font("bold").strokeColor("black").lineWidth(0.35);
    return cjk ? { fill: true, stroke: true } : {};
  };
  const regular = (): PDFKit.Mixins.TextOptions => {
    pdf.font("body");
    return {};
  };

  pdf.fontSize(18).text(meta.title as string, { ...bold(), align: "left" });
  if (meta.author) pdf.moveDown(0.3).font("body").fontSize(9).fillColor("#555555").text(meta.author);
  pdf.fillColor("black").moveDown(0.8);

  for (const block of blocks) {
    switch (block.kind) {
      case "pagebreak":
        pdf.addPage();
        break;
      case "heading":
        pdf.moveDown(0.4);
        pdf.fontSize(13).text(block.text, left, pdf.y, { ...bold(), width });
        pdf.moveDown(0.3);
        break;
      case "paragraph":
        pdf.font("body").fontSize(10.5).text(block.text, left, pdf.y, { width, lineGap, align: "left" });
        pdf.moveDown(0.6);
        break;
      case "bullets":
        for (const item of block.items) {
          pdf
            .font("body")
            .fontSize(10.5)
            .text(`•  ${item}`, left + 12, pdf.y, {
              width: width - 12,
              lineGap,
              indent: 0,
            });
          pdf.moveDown(0.25);
        }
        pdf.moveDown(0.4);
        break;
      case "table": {
        // Cells are placed in aligned columns; each row stays on one line so
        // that text extraction returns it in reading order ("cell cell cell").
        pdf.fontSize(10.5);
        const gap = 28;
        const columnWidths: number[] = [];
        for (const cells of block.rows) {
          cells.forEach((cell, column) => {
            pdf.font(cells === block.rows[0] ? "bold" : "body");
            columnWidths[column] = Math.max(columnWidths[column] ?? 0, pdf.widthOfString(cell));
          });
        }
        const x0 = left + 12;
        const total = columnWidths.reduce((a, b) => a + b, 0) + gap * (columnWidths.length - 1);
        if (total > width - 12) throw new Error(`${source.file}: table too wide (${Math.round(total)}pt)`);
        block.rows.forEach((cells, position) => {
          const y = pdf.y;
          let x = x0;
          cells.forEach((cell, column) => {
            const style = position === 0 ? bold() : regular();
            pdf.text(cell, x, y, { ...style, lineBreak: false });
            x += (columnWidths[column] ?? 0) + gap;
          });
          pdf.x = left;
          pdf.y = y + pdf.currentLineHeight(true) + lineGap;
          if (position === 0) {
            pdf
              .moveTo(x0, pdf.y - lineGap / 2)
              .lineTo(x0 + total, pdf.y - lineGap / 2)
              .lineWidth(0.5)
              .stroke("#999999");
            pdf.y += 2;
          }
        });
        pdf.moveDown(0.6);
        break;
      }
    }
  }

  pdf.end();
  return new Promise((resolve, reject) => {
    out.on("finish", () => resolve(outPath));
    out.on("error", reject);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = (args.length > 0 ? args : fs.readdirSync(sourceDir).filter((f) => f.endsWith(".txt")))
    .map((f) => (path.isAbsolute(f) || f.includes("/") ? path.resolve(f) : path.join(sourceDir, f)))
    .sort();
  if (files.length === 0) throw new Error(`no .txt sources in ${sourceDir}`);
  for (const file of files) {
    const outPath = await render(parseSource(file));
    const size = fs.statSync(outPath).size;
    console.log(`${path.relative(repoRoot, file)} -> ${path.relative(repoRoot, outPath)} (${size} bytes)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
