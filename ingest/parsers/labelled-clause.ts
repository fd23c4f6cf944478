import type { DocumentBlock } from "../parsed-document.js";

/**
 * A clause of a regulation or a notice that opens on its own short name, as Taiwanese ones do:
 * 「一、同站進出。旅客進站後…」, 「（二）逾時乘車。自進站…」, 「第三條 申訴。對違規金…」. A name is up to 12
 * characters with no comma, and none of the words a rule is stated with (不, 須, 應, 可, 依, 之…), so
 * a clause that opens on a rule (「三、逾期不予受理。」, 「第一條 本辦法依大學法訂定之。」) stays text.
 */
const LABELLED_CLAUSE =
  /^((?:[一二三四五六七八九十]{1,3}、\s*|[（(][一二三四五六七八九十]{1,3}[)）]\s*|第[一二三四五六七八九十百]{1,4}[條条]\s*)[^。，,；;：:、？?！!\s不須需應可得為是者之依於將請由如若免准禁限未已無非予][^。，,；;：:、？?！!\n不須需應可得為是者之依於將請由如若免准禁限未已無非予]{0,11})。\s*(?=\S)/u;

/** Below any heading a document writes (Markdown and HTML have six levels): under its section, not in place of it. */
const CLAUSE_HEADING_LEVEL = 7;

/**
 * A paragraph as blocks: a labelled clause's name as the heading of its text, as a Markdown heading
 * would be, so that it names the section its text is chunked and cited under and is not quoted as a
 * sentence of its own ("一、同站進出。" for "同站進出要怎麼收費"); any other paragraph as it is.
 */
export function paragraphBlocks(text: string, page?: number): DocumentBlock[] {
  const paragraph = (body: string): DocumentBlock =>
    page === undefined ? { kind: "paragraph", text: body } : { kind: "paragraph", text: body, page };
  const clause = LABELLED_CLAUSE.exec(text);
  if (!clause) return [paragraph(text)];
  return [
    { kind: "heading", level: CLAUSE_HEADING_LEVEL, text: clause[1] as string },
    paragraph(text.slice(clause[0].length)),
  ];
}
