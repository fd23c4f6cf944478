import { foldedPattern, normalizeForMatching } from "../text/normalize.js";
import { phrasePattern } from "../text/vocabulary.js";

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

/** A condition a question asks without ("without a contract"), and the thing it is without. */
const WITHOUT_CONDITION = /\bwithout (?:an? |the |any )?([a-z]{3,})\b/u;

/** The one case of a set that a question names, and the others, which do not answer it. */
export interface AskedCase {
  asked: RegExp;
  others: readonly RegExp[];
}

/**
 * The cases a question (folded for matching) names one of: of the exclusive cases above, and a
 * condition it asks without ("How much is the router without a contract?"), whose other case is
 * with it ("free with a 24-month contract"). Empty for most questions, which name none.
 */
export function casesAskedIn(question: string): AskedCase[] {
  const cases: AskedCase[] = [];
  for (const group of CASES) {
    const named = group.filter((names) => names.test(question));
    const [asked] = named;
    if (named.length === 1 && asked !== undefined)
      cases.push({ asked, others: group.filter((names) => names !== asked) });
  }
  const thing = WITHOUT_CONDITION.exec(question)?.[1];
  if (thing !== undefined) {
    cases.push({
      asked: new RegExp(`\\b(?:without|no) (?:an? |the |any )?(?:[\\w-]+ ){0,2}${thing}`, "u"),
      others: [new RegExp(`\\bwith (?:an? |the |your |any )?(?:[\\w-]+ ){0,2}${thing}`, "u")],
    });
  }
  return cases;
}

/** A row's or an item's label, at the start of its line: 「中正服務中心：」, "Route B:". */
const LINE_LABEL = /^[ \t]*(?:[-*•][ \t]*|\d{1,2}[.)、][ \t]*)?([^：:\n，,。.；;]{2,20}?)[ \t]*(?:：|:(?!\d))/gmu;
/** Characters two labels end with alike to be of one kind (服務中心, 階段, 活動中心). */
const SHARED_ENDING = 2;
const HAN = /\p{Script=Han}/u;
/**
 * Endings that name a field of one thing, not a kind of things: 「開放時間」 and 「服務時間」 may be the
 * same hours, 「申請方式」 and 「繳費方式」 two fields of one service (simplified, as labels are folded).
 */
const FIELD_ENDING =
  /(时间|时段|方式|方法|事项|日期|期间|期限|费用|金额|资格|对象|地点|地址|电话|说明|规定|流程|文件|条件|须知|内容|备注)$/u;
/** An English label's own part that tells one of a kind: a letter or number ("Route A", "Plan 2"). */
const IDENTIFIER = /^(?:[a-z]|\d{1,3}|[ivx]{1,4})$/u;

/**
 * Things of one kind that a document tells apart by their labels (「中正服務中心：」 and
 * 「港北服務中心：」, 「第一階段：」 and 「第二階段：」, "Route A:" and "Route B:"): a row about one does
 * not answer for another. Labels are of one kind when they end in the same words that name no field
 * of one thing (not 「開放時間」 and 「服務時間」), or, in English, are one word and a letter or number
 * each. The question names one of them by its whole label; texts are folded for matching.
 */
export function labelledCasesAskedIn(question: string, texts: readonly string[]): AskedCase[] {
  const labels = [
    ...new Set(
      texts.flatMap((text) =>
        [...text.matchAll(LINE_LABEL)].map((match) =>
          withoutSpacesInChinese(normalizeForMatching((match[1] ?? "").trim())),
        ),
      ),
    ),
  ].filter((label) => label.length >= 2);
  const asked = withoutSpacesInChinese(question);
  const named = (label: string) => phrasePattern(label).test(HAN.test(label) ? asked : question);
  // Each label is looked for in the question once.
  const namedLabels = new Set(labels.filter(named));
  const cases: AskedCase[] = [];
  for (const label of namedLabels) {
    const others = labels.filter((other) => !namedLabels.has(other) && ofOneKind(label, other));
    if (others.length > 0) cases.push({ asked: phrasePattern(label), others: others.map(phrasePattern) });
  }
  return cases;
}

/** 「A 方案」 as 「A方案」: a space beside a Chinese character separates nothing. */
function withoutSpacesInChinese(text: string): string {
  return text.replace(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu, "");
}

/** Two labels of one kind: 「中正服務中心」 and 「港北服務中心」, "route a" and "route b"; not one inside the other. */
function ofOneKind(first: string, second: string): boolean {
  if (first.includes(second) || second.includes(first)) return false;
  if (HAN.test(first) && HAN.test(second)) {
    const [a, b] = [[...first], [...second]];
    let shared = 0;
    while (shared < Math.min(a.length, b.length) && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
    const ending = a.slice(a.length - shared).join("");
    return (
      shared >= SHARED_ENDING && [...ending].every((character) => HAN.test(character)) && !FIELD_ENDING.test(ending)
    );
  }
  const [firstWords, secondWords] = [first.split(/\s+/u), second.split(/\s+/u)];
  return (
    firstWords.length === 2 &&
    secondWords.length === 2 &&
    firstWords[0] === secondWords[0] &&
    /^\p{L}{3,}$/u.test(firstWords[0] ?? "") &&
    IDENTIFIER.test(firstWords[1] ?? "") &&
    IDENTIFIER.test(secondWords[1] ?? "")
  );
}

/**
 * Whether the sentence that answers names another case than one the question asks, and no quoted
 * text names the question's own: the quote states what holds in the other case. Texts are folded
 * for matching.
 */
export function namesOnlyOtherCase(cases: readonly AskedCase[], answering: string, quoted: readonly string[]): boolean {
  return cases.some(
    ({ asked, others }) =>
      others.some((names) => names.test(answering)) && ![answering, ...quoted].some((text) => asked.test(text)),
  );
}
