import { foldedPattern } from "../text/normalize.js";

/**
 * Cases that exclude each other, as any organisation's documents name them: a rule or a figure for
 * one does not hold for the others (the domestic lounge's points do not answer for a lounge abroad).
 * Each case is a pattern of its names; the language's words, not a deployment's.
 */
const EXCLUSIVE_CASES: readonly (readonly string[])[] = [
  ["國內|境內|海內外|\\bdomestic\\b", "國外|海外|境外|\\b(international(ly)?|overseas|abroad|foreign)\\b"],
  ["平日(?!.{0,2}(都|皆|也))|\\bweekdays?\\b", "假日|週末|周末|\\bweekends?\\b|\\b(public|national) holidays?\\b"],
  ["成人|大人|\\badults?\\b", "兒童|小孩|孩童|幼童|\\b(child|children|kids?)\\b"],
  [
    "線上|網路|\\bonline\\b",
    "臨櫃|現場(?=報名|繳費|辦理|申請|購|付|排)|\\bin[ -]person\\b|\\bat the (counter|desk)\\b",
  ],
  ["中文(?!課)|中英文", "英文(?!課)"],
  ["(?<![幾一二兩三四五六七八九十百多每\\d])個人(?!資)|\\bindividuals?\\b", "團體|\\bgroups?\\b"],
  [
    "汽車|汽機車|\\bcars?\\b",
    "機車|\\b(motorcycles?|scooters?|motorbikes?)\\b",
    "腳踏車|自行車|單車|\\b(bicycles?|bikes?)\\b",
  ],
];

const CASES = EXCLUSIVE_CASES.map((group) => group.map((names) => foldedPattern(names, "iu")));

/**
 * Whether the sentence that answers names another of a set of exclusive cases than the one the
 * question names, and no quoted text names the question's own: the quote states what holds in the
 * other case. Texts are folded for matching.
 */
export function namesOnlyOtherCase(question: string, answering: string, quoted: readonly string[]): boolean {
  return CASES.some((group) => {
    const asked = group.filter((names) => names.test(question));
    const [askedCase] = asked;
    if (asked.length !== 1 || askedCase === undefined) return false;
    return (
      group.some((names) => names !== askedCase && names.test(answering)) &&
      ![answering, ...quoted].some((text) => askedCase.test(text))
    );
  });
}
