import { namesOwnSection, type Passage } from "../retrieval/retrieve-passages.js";
import {
  addedCoverage,
  holdsTerm,
  type TermSet,
  unionOf,
  weightedCoverage,
  withoutTerms,
} from "../retrieval/term-weights.js";
import type { Citation } from "../schemas.js";
import { isMostlyChinese } from "../text/language.js";
import { INTRODUCES_WHAT_FOLLOWS, LIST_ITEM, NUMBERED_LIST_ITEM, REFERS_ELSEWHERE } from "../text/line-kinds.js";
import { foldedPattern, normalizeForMatching } from "../text/normalize.js";
import { type Bands, bandsOf, quantitiesStatedIn } from "../text/quantity-ranges.js";
import { splitSentences } from "../text/sentences.js";
import { analyzeQueryTerms, analyzeText } from "../text/tokenize.js";
import { type Equivalents, noEquivalents } from "../text/vocabulary.js";
import { TOPICAL, wordSpecificity } from "../text/word-specificity.js";
import {
  followingListLines,
  listLeadIn,
  listMarkerOf,
  listOfSteps,
  MAX_STEPS,
  procedureIn,
  withListLeadIns,
  withoutDanglingLeadIns,
  withRestOfItems,
} from "./answer-lists.js";
import {
  type AskedAnswer,
  answerFit,
  asksOnlyFigures,
  asksYesOrNo,
  figuresAsked,
  headingNamesAskedField,
  holdsAnswerType,
  isGivenInAnyWords,
  isStatedInFigures,
  namesAskedField,
  readAskedAnswer,
} from "./answer-types.js";
import {
  areInOneParagraph,
  bestScoring,
  type CandidateSentence,
  IS_A_QUESTION,
  isSameSection,
  isSameSubject,
  subjectTermsOf,
  subjectTextOf,
} from "./candidate-sentence.js";
import { formatAnswer } from "./format-extractive-answer.js";
import { monthsIn } from "./months.js";
import { casesAskedIn, labelledCasesAskedIn, namesOnlyOtherCase } from "./other-case.js";
import { referent, withRestOfSentences, withStartsOfRows } from "./sentence-completion.js";
import {
  cellsOf,
  labelHead,
  namedLabelOf,
  namesColumnOfNamedRow,
  namesTableColumn,
  namesTableKey,
  statesOnlyFigures,
  TABLE_ROW,
} from "./table-rows.js";
import { introducedTable, rowsNamedAlike, tableIn, wholeTable } from "./whole-tables.js";
import { saysOnlyYesOrNo } from "./yes-or-no-opening.js";

/** Passages whose sentences may be quoted, best first. */
const PASSAGES_TO_QUOTE = 3;
/**
 * And beyond those, up to this many more of their documents that cover the question as well as the
 * best (within TIED_COVERAGE of it): among a page's chunks that cover it alike, the index's order is
 * chance (a short chunk's BM25), and the kind of answer asked decides ("how long does it take" and
 * the step that says 「takes about 30 minutes」, fourth of a page's equally covering chunks).
 */
const MAX_TIED_PASSAGES = 5;
const TIED_COVERAGE = 0.95;
const MAX_SENTENCES = 3;
/** A further sentence must add this much of the question's weight to be worth its length. */
const MIN_ADDED_COVERAGE = 0.2;
/**
 * A sentence next to one quoted is about the same thing more often than not, so a little more of
 * the question is enough: "東芝以50億美元買下西屋" after "東芝與英國核燃料公司簽訂協議" asked which
 * company. On DRCD dev's odd articles, when any neighbour counted (not only one of its paragraph),
 * the answer held the gold answer for 86.6% at 0.2, 88.2% at 0.05 and 89.1% for any gain, its median
 * length 58, 62 and 68 characters.
 */
const MIN_ADDED_COVERAGE_NEXT_TO = 0.05;
/**
 * Later documents' passages are trusted a little less than the best one's. The sections of one
 * document are not ranked against each other: which of them BM25 put first says little about which
 * sentence answers ("late fee for an overdue book" and the lost-item section, which says "fee" more).
 */
const PASSAGE_RANK_DISCOUNT = 0.15;
export const MAX_ANSWER_CHARS = 300;
/** Question terms found only in the passage's title or headings count this much for its sentences. */
const CONTEXT_WEIGHT = 0.9;
/**
 * Question terms found only in the sentence before it in its list item count this much for a
 * sentence: 「二、全台各服務櫃台於連續假期間暫停營業。…並自 2 月 23 日起恢復正常營業。」 answers when the
 * counters reopen in its second sentence, which names no counter.
 */
const PARAGRAPH_CONTEXT_WEIGHT = 0.5;
/**
 * Preference, by how much of the question they cover, for sentences of a section whose title and
 * headings name what is asked: "分期要怎麼申請" is answered under 「分期付款」, not by a step of the
 * late-payment procedure that mentions 分期 in passing. On the tuning parts 0.1–0.4 did alike but
 * for one unanswerable question more abstained on at 0.4; below 0.4 a numbered step of another
 * section still won a how-to question on its numbering alone.
 */
const SECTION_SUBJECT_WEIGHT = 0.4;
/**
 * And for a sentence introducing a table that states the kind of answer asked for, when the question
 * names none of its rows: the table is the overview asked for ("掛號費多少" and the fee table).
 */
const INTRODUCED_TABLE_BONUS = 0.15;
/** Preference for a sentence that holds the kind of answer asked for (an amount for "多少錢"). */
const ANSWER_TYPE_BONUS = 0.3;
/** And for one whose duration is in the unit asked for ("幾年" → "二學年", not "一週內"). */
const DURATION_UNIT_BONUS = 0.15;
/** And for a date stated as a deadline when one is asked for ("by 31 August", 9月4日前). */
const DEADLINE_BONUS = 0.15;
/** And for a figure stated as a least one (4 小時以上) when the question asks for that (延誤多久以上). */
const LEAST_BONUS = 0.15;
/** And for a date stated for the event asked about (「預定於11月14日公告」 for 「結果公告日」), not for another beside it. */
const EVENT_DATE_BONUS = 0.2;
/**
 * Preference for a table row whose label or one of whose values the question names as written
 * ("理學院" picks 理學院's row, not 管理學院's; "A-" picks A-'s, not A+'s): a table is looked up by its key.
 * So is a row of a table that has the column the question names ("週日幾點開門" and the term-time
 * hours, not the holiday sentence that says 週日閉館).
 */
const TABLE_KEY_BONUS = 0.2;
/**
 * Preference for the band that holds a quantity the question states, in its unit (「第 101 度以上」
 * for 「用超過 100 度」, 「身高 110–140 公分」 for a child of 120 公分): a table of bands is looked up by
 * the asker's figure as by its key.
 */
const QUANTITY_BAND_BONUS = 0.2;
/** And for a line whose label names that kind of field ("金額：…" for "多少錢"). */
const FIELD_NAME_BONUS = 0.15;
/**
 * A sentence opening on those it is about ("遺失停車票者，…", "未滿 30 分鐘者，…", or after its label,
 * "不計入休學年限：因服兵役…而休學者，…") states what holds in that case: unless the question asks
 * about it, the rule for everyone answers better.
 */
const UNASKED_CASE_PENALTY = 0.2;
const CASE_OPENING = foldedPattern(
  "^(?:[-•*]\\s+|\\d{1,2}[.)]\\s+)?(?:[^，,。；;：:]{1,20}[：:]\\s*)?([^，,。；;：:]{1,30})者[，,]",
  "u",
);
/** Its English form: "Students who miss orientation must…", "Anyone whose card is lost pays…". */
const CASE_OPENING_EN =
  /^(?:[-•*]\s+|\d{1,2}[.)]\s+)?(?:students?|people|persons?|those|anyone|applicants?|members?|customers?|residents?|users?|patients?|visitors?|patrons?|borrowers?|tenants?|parents?|guests?)\s+(?:who|whose)\s+([^,.;:]{1,60}?)\s+(?:must|may|can|cannot|can't|should|will|are|is|have|has|need|needs|pay|pays|get|gets|receive|receives)\b/i;
/** A sentence that is itself a question rarely answers one. */
const QUESTION_PENALTY = 0.6;
/**
 * A notice's subject line that asks its readers to take note (「主旨：公告…停航判定標準及…措施，請旅客
 * 周知。」) names what the notice tells, which its items say: it is read as their heading, and
 * quoted only where no item answers.
 */
const ANNOUNCING_SUBJECT = foldedPattern("^\\s*主\\s*旨\\s*[：:][^]*(?:周知|週知|查照|知照|知悉)[^]{0,4}$", "u");
const ANNOUNCING_SUBJECT_PENALTY = 0.2;
/** A sentence with nothing before it in its item. */
const NO_TERMS: ReadonlySet<string> = new Set();
/**
 * Another document's passage may add a sentence only when it covers the question about as well as
 * the best sentence's passage does.
 */
const RELATED_COVERAGE_SHARE = 0.8;
/** Share of a question's weight a heading covers when it names what is asked (the rest is how it is asked: 誰付, "what are"). */
const HEADING_NAMES_QUESTION = 0.5;
/** Covered whole, up to rounding. */
const COVERS_WHOLE_QUESTION = 0.999;
/**
 * A note in brackets on when a text was made, amended or last updated: 「（114年12月10日教務會議修正通過）」,
 * "(Last updated 3 March 2026)". It dates the page, not what the page says.
 */
const REVISION_NOTE = foldedPattern(
  "^\\s*[（(][^（）()]{0,40}(修正|修訂|訂定|制定|公布|發布|通過|施行|實施|updated|revised|amended|adopted|effective)[^（）()]{0,20}[)）]\\s*[。.]?\\s*$",
  "iu",
);
const OPENS_ON_BRACKET = /^\s*[（(]/;
/** Only a line opening on a bracket is folded to be read as one: every sentence of every passage is checked. */
function isRevisionNote(text: string): boolean {
  return OPENS_ON_BRACKET.test(text) && REVISION_NOTE.test(normalizeForMatching(text));
}
/**
 * The header fields of an official letter or notice (公文): when and under what number it was sent,
 * to whom, how urgent. They describe the letter, not what it announces, and a date among them
 * would answer "until when" with the day the notice went out.
 */
const NOTICE_HEADER = foldedPattern(
  `^\\s*(?:${["發文日期", "發文字號", "公告日期", "發布日期", "受文者", "速別", "檔號", "保存年限", "密等"].map((label) => [...label].join("[\\s　]*")).join("|")})[^：:]{0,12}[：:]`,
  "u",
);
/** The longest start NOTICE_HEADER reads: a spaced-out label and its colon. */
const NOTICE_HEADER_START = 24;
/** Only a line's start is folded to be read as one: every sentence of every passage is checked. */
function isNoticeHeader(text: string): boolean {
  return NOTICE_HEADER.test(normalizeForMatching(text.slice(0, NOTICE_HEADER_START)));
}
/** The number of a notice's item: 「三、」, not numerals listed (「三、四月」). */
const NOTICE_ITEM_NUMBER = /^\s*[一二三四五六七八九十]{1,3}、(?!\s*[一二三四五六七八九十兩百千萬零〇])\s*/u;
/** A question about the notice itself: when it went out, its number; not when what it announces happens. */
const ASKS_ABOUT_NOTICE = foldedPattern(
  "發文|公文|文號|(?<!身[分份]證)字號|(公告|發布|發文)日期|公告(是|於)?(哪一?天|何時|什麼時候|幾號)(發|發布|貼出|公布)?的?[嗎?？]?$",
  "u",
);
/** A question about when the rules themselves were made or amended, which such a note answers. */
const ASKS_ABOUT_REVISION = foldedPattern(
  "(辦法|規定|條文|規則|章程|條款|政策)[^，。？?]{0,6}(修正|修訂|修改|訂定|制定|發布|施行|生效|更新)|(修正|修訂|修改|制定)[^，。？?]{0,4}(辦法|規定|條文|規則|章程|條款)|\\b(polic(y|ies)|rules?|regulations?|terms|page)\\b[^.?]{0,30}\\b(updated|revised|amended|changed|adopted|effective)\\b",
  "iu",
);
/** How far below the best sentence's score one stating another kind asked may be and still be quoted. */
const OTHER_KIND_MARGIN = 0.3;

export interface ExtractiveAnswer {
  answer: string;
  citations: Citation[];
  /** Share of the question's weight covered by the quoted sentences (0–1). */
  sentenceCoverage: number;
  /**
   * Whether the quoted text states an answer of a kind the question asks for (a date for "when"),
   * or undefined when the question asks for no kind in particular.
   */
  answerTypeFound?: boolean;
  /**
   * True when the question asks only for figures (an amount, a date, a duration…) and no quoted
   * sentence states one of them: "機車的牌照稅一年多少錢" quoted at its payment period is no answer,
   * however well it covers the question's words. Undefined when the question asks for no figure only.
   */
  figureMissing?: boolean;
  /** The passage of the best-scoring sentence before any other is looked for: the answer's confidence is about it. */
  quotedPassage?: Passage;
}

/**
 * The best sentences of the top passages: the one that covers the question best and states the kind
 * of answer it asks for (else with the neighbour that states it), the steps of a how-to question,
 * then others from passages about the question only where they cover what it missed; quoted in
 * reading order, each passage's sentences followed by its `[n]`.
 */
export function composeExtractiveAnswer(
  question: string,
  queryWeights: ReadonlyMap<string, number>,
  passages: Passage[],
  asked: AskedAnswer = readAskedAnswer(question),
  /** Other ways of writing the question's terms (retrieval's). */
  equivalents: Equivalents = noEquivalents,
  /** The number of the answer's first citation: more than 1 when it follows other answers in one reply. */
  firstCitation = 1,
): ExtractiveAnswer {
  const coverageOf = (terms: TermSet) => weightedCoverage(queryWeights, terms, equivalents);
  const askedTypes = asked.types;
  const askedFigures: AskedAnswer = {
    types: figuresAsked(asked),
    ...(asked.number ? { number: asked.number } : {}),
  };
  const normalizedQuestion = normalizeForMatching(question);
  const statedQuantities = quantitiesStatedIn(normalizedQuestion);
  const asksYesNo = asked.yesOrNo ?? asksYesOrNo(question);
  const asksAboutRevision = ASKS_ABOUT_REVISION.test(normalizedQuestion);
  const asksAboutNotice = ASKS_ABOUT_NOTICE.test(normalizedQuestion);
  // A row's label the question names in other words: a translation or the deployment's synonym of
  // one of its words ("Malaysia" for 馬來西亞, found through the dictionary). Gathered once: every
  // row of every passage read is looked up.
  const otherWords = new Set(
    [...queryWeights]
      .filter(([, weight]) => weight > 0)
      .flatMap(([term]) => equivalents(term).map(({ terms }) => terms.join(" ")))
      .filter((words) => words !== ""),
  );
  const namesInOtherWords = (label: string) => otherWords.size > 0 && otherWords.has(analyzeText(label).join(" "));
  const namesLabel = (row: RegExpExecArray) => namedLabelOf(row, normalizedQuestion, namesInOtherWords);
  // A row the question names by its label, and whether it names one of its columns too.
  const namedRow = (row: RegExpExecArray): Pick<CandidateSentence, "namedLabel" | "namedColumnToo"> => {
    const { namedLabel } = namesLabel(row);
    if (namedLabel === undefined) return {};
    return { namedLabel, ...(namesColumnOfNamedRow(row, queryWeights) ? { namedColumnToo: true } : {}) };
  };
  // Whether the question names the passage's own section, below its document's title ("Ordering
  // transcripts" for "How do I order a transcript?"): what the document says elsewhere is then about
  // something else it covers (grade appeals).
  // Read once per passage: every candidate of a passage asks it again.
  const sectionNamed = new Map<Passage, boolean>();
  const namesSection = (passage: Passage) => {
    let named = sectionNamed.get(passage);
    if (named === undefined) {
      named = namesOwnSection(passage.chunk, queryWeights, equivalents);
      sectionNamed.set(passage, named);
    }
    return named;
  };
  // How a passage's section names the whole question, which then asks for what the section holds
  // (only a short question is named whole by its headings): by the page's title and the section's
  // heading between them, the section adding some ("shuttle bus timetable" and "Free Shuttle Bus ›
  // Routes and timetable"), or by the section's heading alone.
  const sectionNaming = (passage: Passage) => {
    const [title = "", ...sections] = passage.chunk.headingPath;
    const section = sections.at(-1);
    if (section === undefined) return { withTitle: false, whole: false };
    const titleTerms = new Set(analyzeText(title));
    const sectionTerms = new Set(analyzeText(section));
    const withTitle =
      coverageOf(new Set([...titleTerms, ...sectionTerms])) >= COVERS_WHOLE_QUESTION &&
      [...sectionTerms].some((term) => !titleTerms.has(term) && (queryWeights.get(term) ?? 0) > 0);
    return { withTitle, whole: withTitle || coverageOf(sectionTerms) >= COVERS_WHOLE_QUESTION };
  };
  /** A passage's sentences from its start, as many as an answer holds. */
  const openingOf = (passage: Passage) => {
    const opening: CandidateSentence[] = [];
    let length = 0;
    for (const candidate of candidates.filter((each) => each.passage === passage)) {
      length += candidate.span.text.length;
      if (opening.length > 0 && (length > MAX_ANSWER_CHARS || opening.length >= MAX_SENTENCES)) break;
      opening.push(candidate);
    }
    return opening;
  };
  /** The table of `passage`'s section, in it or in another passage retrieved of that section. */
  const tableOfSection = (passage: Passage) => {
    const ofSection = passages.filter(
      (other) => other !== passage && isSameSubject(other, passage) && isSameSection(other, passage),
    );
    for (const each of [passage, ...ofSection]) {
      addCandidates(each);
      const table = tableIn(candidates, each);
      if (table) return table;
    }
    return undefined;
  };
  // The case a sentence opens on is asked about when the question covers each of its topical
  // words; one stating what is asked ("年收入在 120萬元以下者，" for "年收入多少以下") is the answer's.
  const isUnaskedCase = (caseWords: string) =>
    !answerFit(caseWords, asked).fits &&
    [...analyzeQueryTerms(caseWords)].some(
      ([term, { acrossWords }]) =>
        !acrossWords && wordSpecificity(term) >= TOPICAL && !holdsTerm(queryWeights, term, equivalents),
    );
  const topicalWords = [...queryWeights].filter(([term, weight]) => weight > 0 && wordSpecificity(term) >= TOPICAL);
  const holdsTopicalWord = (terms: TermSet) => topicalWords.some(([term]) => holdsTerm(terms, term, equivalents));
  const opensOnUnaskedCase = (text: string) => {
    const englishCase = CASE_OPENING_EN.exec(text)?.[1];
    if (englishCase !== undefined) return isUnaskedCase(englishCase);
    // Folding is the costly part: only a sentence holding 者 is folded for it.
    if (!text.includes("者")) return false;
    const caseWords = CASE_OPENING.exec(normalizeForMatching(text))?.[1];
    return caseWords !== undefined && isUnaskedCase(caseWords);
  };
  const inSectionAsked = (candidate: CandidateSentence, sentence: CandidateSentence) =>
    !namesSection(sentence.passage) ||
    isSameSection(candidate.passage, sentence.passage) ||
    namesSection(candidate.passage);
  const candidates: CandidateSentence[] = [];
  // What each candidate's bands say of the quantities the question states, by its index.
  const bandFits: Bands["fit"][] = [];
  // Ranked by document, the pairs of an FAQ sheet too: BM25's order among the parts of one document
  // says little about which sentence answers (ranking each pair on its own, as isSameSubject reads
  // them for what may be added, let two wrong city answers through on the tuning part).
  const documentOrder = [...new Set(passages.map((passage) => passage.document.docId))];
  const read = new Set<Passage>();
  const addCandidates = (passage: Passage) => {
    if (read.has(passage)) return;
    read.add(passage);
    const spans = splitSentences(passage.chunk.text);
    // Folding is the costly part: only a sentence holding 旨 is folded for it.
    const subjectLine = spans.find(
      (span) => span.text.includes("旨") && ANNOUNCING_SUBJECT.test(normalizeForMatching(span.text)),
    );
    const headingTerms = subjectLine
      ? new Set([...subjectTermsOf(passage), ...analyzeText(subjectLine.text)])
      : subjectTermsOf(passage);
    const headingCoverage = coverageOf(headingTerms);
    const subjectAsked = headingCoverage > 0;
    // The items of a list under a heading that names the field asked ("Documents to bring" for
    // "what documents do I need") state it, whatever words each item is in ("1. Your ARC (original).").
    const heading = passage.chunk.headingPath.at(-1);
    const sectionNamesField = heading !== undefined && headingNamesAskedField(heading, asked);
    const documentRank = documentOrder.indexOf(passage.document.docId);
    // The sentence introducing the table being read, when it states the kind of answer asked for: its
    // rows of bare figures then state it too ("收費如下（單位：新臺幣元）。" then "一般病人：門診 150"),
    // and, when the question names none of them, the table is the overview asked for.
    let introducer: { sentence?: CandidateSentence; rows: number; rowNamed: boolean } = { rows: 0, rowNamed: false };
    const endTable = () => {
      if (introducer.sentence && introducer.rows >= 2 && !introducer.rowNamed) {
        introducer.sentence.score += INTRODUCED_TABLE_BONUS;
      }
    };
    let previousEnd = 0;
    // The terms of the sentence before this one in its paragraph, when that is an item of a list or
    // a label's (「二、…」, "- ", 「台北總公司：」), whose sentences all tell of what it opens on.
    let previousTerms: ReadonlySet<string> = NO_TERMS;
    let inItem = false;
    for (const span of spans) {
      const onNewLine = passage.chunk.text.slice(previousEnd, span.start).includes("\n");
      const opensParagraph = previousEnd === 0 || onNewLine;
      previousEnd = span.end;
      if (opensParagraph)
        inItem = LIST_ITEM.test(span.text) || NOTICE_ITEM_NUMBER.test(span.text) || TABLE_ROW.test(span.text);
      const before = opensParagraph || !inItem ? NO_TERMS : previousTerms;
      // A bare "Yes." answers its own FAQ question: quoted for another kind of question, it says nothing.
      if (!asksYesNo && saysOnlyYesOrNo(span.text)) continue;
      // Nor does a note in brackets on when the rules were made or amended, unless that is what is asked.
      if (!asksAboutRevision && isRevisionNote(span.text)) continue;
      if (!asksAboutNotice && isNoticeHeader(span.text)) continue;
      // Read for bands only where the question states a quantity.
      const bands = statedQuantities.length > 0 ? bandsOf(span.text, statedQuantities) : undefined;
      const terms = new Set([...analyzeText(span.text), ...(bands?.held ?? [])]);
      previousTerms = terms;
      const coverage = coverageOf(terms);
      // What the title and headings add to the sentence: not a question term the sentence already
      // covers in other words (寢室 for 宿舍), which would otherwise count twice.
      const addedByContext = addedCoverage(queryWeights, terms, headingTerms, equivalents);
      const addedByParagraph =
        before.size > 0 ? addedCoverage(queryWeights, new Set([...terms, ...headingTerms]), before, equivalents) : 0;
      const fit = answerFit(span.text, asked);
      const { inUnit, asDeadline, forEvent, asLeast } = fit;
      // A table row as written, or a list item's "label：value" (read without its marker).
      const row = TABLE_ROW.exec(span.text);
      const isListItem = LIST_ITEM.test(span.text);
      const isTableRow = row !== null && !isListItem;
      // A row of a table has columns; "label：value" alone may be a sentence ("收費如下（單位：元）。").
      const tableCells = isTableRow ? cellsOf(row).length : 0;
      const isRowOfCells = tableCells >= 2;
      const itemOfNamedSection = sectionNamesField && isListItem;
      const fits =
        fit.fits ||
        itemOfNamedSection ||
        (isRowOfCells && row !== null && introducer.sentence !== undefined && statesOnlyFigures(row));
      const introduces = fit.fits && INTRODUCES_WHAT_FOLLOWS.test(span.text);
      // A notice's items are numbered 「一、」: the number is no part of the field's name (「三、申請期間」).
      const label = (isListItem ? TABLE_ROW.exec(span.text.replace(LIST_ITEM, "")) : row)?.[1]?.replace(
        NOTICE_ITEM_NUMBER,
        "",
      );
      // A label's words without the qualifier in brackets after it, read once for what follows.
      const labelWords = label === undefined ? undefined : labelHead(label);
      const labelTerms = labelWords === undefined ? undefined : new Set(analyzeText(labelWords));
      const keyNamed =
        row !== null && (namesTableKey(row, normalizedQuestion) || namesInOtherWords((row[1] ?? "").trim()));
      const columnNamed = isTableRow && namesTableColumn(row, queryWeights);
      const fieldNamed = fits && label !== undefined && namesAskedField(label, asked);
      // The question picks this row out by words of its label that the title and headings lack.
      const labelCoverage = labelTerms === undefined ? 0 : coverageOf(withoutTerms(labelTerms, headingTerms));
      const rowNamed = labelCoverage > 0;
      // So does a bulleted item labelled with a case that holds none of the question's topical words
      // ("熱門新書：借期14天…" for "書可以借多久"): an item labelled with a field of what is asked holds
      // one ("休學期限：…" for "休學最多多久"), and numbered items are steps.
      const labelsUnaskedCase =
        isListItem &&
        labelWords !== undefined &&
        labelTerms !== undefined &&
        !NUMBERED_LIST_ITEM.test(span.text) &&
        !fieldNamed &&
        isUnaskedCase(labelWords) &&
        !holdsTopicalWord(labelTerms);
      const score =
        coverage +
        CONTEXT_WEIGHT * addedByContext +
        PARAGRAPH_CONTEXT_WEIGHT * addedByParagraph +
        SECTION_SUBJECT_WEIGHT * headingCoverage +
        (fits ? ANSWER_TYPE_BONUS : 0) +
        (keyNamed ? TABLE_KEY_BONUS : 0) +
        (columnNamed ? TABLE_KEY_BONUS : 0) +
        (fieldNamed || itemOfNamedSection ? FIELD_NAME_BONUS : 0) +
        (inUnit ? DURATION_UNIT_BONUS : 0) +
        (asDeadline ? DEADLINE_BONUS : 0) +
        (asLeast ? LEAST_BONUS : 0) +
        (forEvent ? EVENT_DATE_BONUS : 0) -
        (opensOnUnaskedCase(span.text) || labelsUnaskedCase ? UNASKED_CASE_PENALTY : 0) -
        (IS_A_QUESTION.test(span.text) ? QUESTION_PENALTY : 0) -
        (span === subjectLine ? ANNOUNCING_SUBJECT_PENALTY : 0) -
        PASSAGE_RANK_DISCOUNT * documentRank;
      bandFits.push(bands?.fit);
      candidates.push({
        index: candidates.length,
        passage,
        span,
        terms,
        coverage,
        fitsAskedType: fits,
        subjectAsked,
        isNamed: keyNamed || fieldNamed || rowNamed,
        labelCoverage,
        ...(isTableRow ? namedRow(row) : {}),
        tableCells,
        ...(itemOfNamedSection ? { inNamedList: true as const } : {}),
        score,
      });
      const sentence = candidates.at(-1) as CandidateSentence;
      if (isRowOfCells) {
        introducer.rows++;
        introducer.rowNamed ||= sentence.isNamed;
      } else if (onNewLine || introducer.rows > 0) {
        endTable();
        introducer = { ...(introduces ? { sentence } : {}), rows: 0, rowNamed: false };
      } else if (introduces) {
        introducer.sentence = sentence;
      }
    }
    endTable();
  };
  for (const passage of passagesToQuote(passages)) addCandidates(passage);
  preferBandsHolding(candidates, bandFits);
  const leader = bestScoring(candidates);
  if (!leader) return { answer: "", citations: [], sentenceCoverage: 0 };
  // The best sentence lacks the kind of answer asked for: the sentence of its subject that states
  // one, from any passage retrieved ("戶籍謄本多少錢" and the fee table, which covers the question no
  // better than who may apply, but answers it). Undefined when there is none, or when the best
  // sentence's neighbour states what it lacks and none covers the question better.
  function typedAnswerOnSubject(sentence: CandidateSentence): CandidateSentence | undefined {
    if (sentence.fitsAskedType) return undefined;
    for (const passage of passages) if (isSameSubject(passage, sentence.passage)) addCandidates(passage);
    // From a passage whose title or headings the question names: one that only mentions the
    // question's words states its figures about something else.
    const typed = candidates.filter(
      (candidate) => candidate.fitsAskedType && candidate.subjectAsked && !IS_A_QUESTION.test(candidate.span.text),
    );
    // A sentence that shares none of the question's words is its answer only by a figure: a kind
    // told in words (steps, conditions) is read in too many sentences, 「可選擇以下其中一種方式處理：」 for
    // how to renew by phone.
    const typedOnSubject = typed.filter(
      (candidate) =>
        isSameSubject(candidate.passage, sentence.passage) &&
        inSectionAsked(candidate, sentence) &&
        (candidate.coverage > 0 || answerFit(candidate.span.text, askedFigures).fits),
    );
    // A neighbour stating the kind of answer completes the best sentence, unless another sentence of
    // its subject states it in words that cover the question better ("超商取貨的運費是多少": the fee
    // table's row, not the return charge next to a pickup rule under a heading naming pickup).
    const nearby = nearbyAnswer(candidates, sentence);
    if (nearby) {
      const coverageOfBoth = Math.max(sentence.coverage, nearby.coverage);
      return bestScoring(typedOnSubject.filter((candidate) => candidate.coverage > coverageOfBoth));
    }
    const onSubject = bestScoring(typedOnSubject);
    if (onSubject || askedFigures.types.length === 0) return onSubject;
    // Else a figure from a passage of another document that covers the question as well ("garbage
    // bag prices": the FAQ pair says where bags are sold, the recycling guide what they cost). Only a
    // figure: a yes or a condition is stated somewhere in any passage.
    return bestScoring(
      typed.filter(
        (candidate) =>
          candidate.passage.coverage >= sentence.passage.coverage && answerFit(candidate.span.text, askedFigures).fits,
      ),
    );
  }
  // A table row whose label the question names as written, stating the figure asked for, answers it,
  // in whichever passage retrieved it is: "Japan shipping fee?" and the rates table's Japan row, not
  // the free-shipping threshold of an FAQ pair that says Japan is served.
  function namedRowStatingFigure(sentence: CandidateSentence): CandidateSentence | undefined {
    if (sentence.namedLabel !== undefined || askedFigures.types.length === 0) return undefined;
    // Only passages with such a row are read sentence by sentence: most have none.
    const hasNamedRow = (passage: Passage) =>
      passage.chunk.text.split("\n").some((line) => {
        const row = TABLE_ROW.exec(line);
        return row !== null && namesLabel(row).namedLabel !== undefined;
      });
    for (const passage of passages) if (!read.has(passage) && hasNamedRow(passage)) addCandidates(passage);
    // A best sentence stating the figure keeps its place when it names the row's subject itself
    // ("台北門市每天 11:00 開門" over a workshop's row labelled 台北門市), unless the row also has the
    // column the question names: "the minimum term of the student plan" is the Student row's
    // "Minimum term 6 months", not a fee that names the Student plan among others.
    const keptBy = sentence.fitsAskedType ? normalizeForMatching(sentence.span.text) : undefined;
    return bestScoring(
      candidates.filter(
        ({ namedLabel, namedColumnToo, span }) =>
          namedLabel !== undefined &&
          (namedColumnToo || !keptBy?.includes(namedLabel)) &&
          answerFit(span.text, askedFigures).fits,
      ),
    );
  }
  const best =
    askedTypes.length > 0 ? (namedRowStatingFigure(leader) ?? typedAnswerOnSubject(leader) ?? leader) : leader;

  // Only passages about the question may add to the best sentence: one from another document that
  // shares a few of the question's words is as likely to be about something else. And one in the
  // best sentence's language: an answer does not switch languages halfway.
  const minimumCoverage = RELATED_COVERAGE_SHARE * best.passage.coverage;
  const inChinese = isMostlyChinese(best.span.text);
  const related = candidates.filter(
    (candidate) =>
      isSameSubject(candidate.passage, best.passage) ||
      (candidate.passage.coverage >= minimumCoverage && isMostlyChinese(candidate.span.text) === inChinese),
  );
  let selected: CandidateSentence[] | undefined;
  if (askedTypes.includes("steps")) {
    selected = listOfSteps(related, best);
    // A how-to question about a document whose procedure ranked lower than its other passages
    // ("How do I connect to the VPN?" and its limits on connections): its numbered steps. Not when
    // the question names the best sentence's own section ("How do I order a transcript?" and
    // "Ordering transcripts", told in prose): the steps of another section do something else.
    const procedure =
      selected || namesSection(best.passage) ? undefined : procedureIn(passages, best.passage, minimumCoverage);
    if (procedure) {
      addCandidates(procedure);
      const firstStep = candidates.find(
        (candidate) => candidate.passage === procedure && listMarkerOf(candidate) === "numbered",
      );
      selected = firstStep && listOfSteps(candidates, firstStep);
    }
  }
  // The best line an item of a list under a heading naming the field asked ("Documents to bring"):
  // the list is the answer, one item of it only a part.
  if (!selected && best.inNamedList) selected = listOfSteps(candidates, best, true);
  if (!selected) selected = rowsNamedAlike(candidates, best);
  // A question naming the section a small table is the body of, and none of its rows, asks for the
  // table ("信義店課表" and the section 信義店每週課表), not for the note under it.
  if (!selected && !best.isNamed && namesSection(best.passage)) selected = tableIn(candidates, best.passage);
  // Read only when no other reading of the question has picked the quote.
  let bestSectionNaming: ReturnType<typeof sectionNaming> | undefined;
  const namingOfBest = () => (bestSectionNaming ??= sectionNaming(best.passage));
  // Named between the page's title and the section's heading, the section's table may be in a
  // passage of its own beside the best line's.
  if (!selected && !best.isNamed && namingOfBest().withTitle) selected = tableOfSection(best.passage);
  // A question that only names a section ("summer reading challenge" and the section Summer Reading
  // Challenge), asking no kind of answer, asks what the section says: its opening, not the one
  // sentence holding the words of its heading.
  if (!selected && askedTypes.length === 0 && !asked.yesOrNo && namingOfBest().whole)
    selected = openingOf(best.passage);
  if (!selected && askedTypes.length > 0) selected = wholeTable(candidates, best) ?? introducedTable(candidates, best);
  // A question that names the heading of the list its best line is in, and asks for nothing that
  // line states, asks for the list ("退貨運費誰付" and the three cases under 退貨運費): one line of it
  // answers for one case only.
  const heading = best.passage.chunk.headingPath.at(-1);
  if (
    !selected &&
    !best.fitsAskedType &&
    !best.isNamed &&
    heading &&
    listMarkerOf(best) &&
    coverageOf(new Set(analyzeText(heading))) >= HEADING_NAMES_QUESTION
  )
    selected = listOfSteps(candidates, best, true);
  // So does a question best answered by the sentence introducing a list ("誰可以申請謄本" and
  // 「下列人員可以申請謄本：」): one line of the list would say that only its case may.
  if (!selected && INTRODUCES_WHAT_FOLLOWS.test(best.span.text)) selected = listOfSteps(candidates, best, true);
  if (!selected) {
    const leadIn = listLeadIn(candidates, best) ?? referent(candidates, best);
    // A sentence brought for what it points back to may itself point back ("這支龍舟隊…。它的訓練地點…").
    const further = leadIn && referent(candidates, leadIn);
    selected = [further, leadIn, best, ...parallelSentences(candidates, best)].filter(
      (sentence) => sentence !== undefined,
    );
  }
  if (askedTypes.length > 0 && !selected.some((sentence) => sentence.fitsAskedType)) {
    const detail = nearbyAnswer(candidates, best);
    if (detail) selected.push(detail);
  }
  // A question asking for two kinds of figure or place ("在哪裡 幾點開", "how much and by when") gets
  // each: the sentence of the best one's subject stating the kind the answer lacks, scoring near it.
  if (askedTypes.length > 1) {
    // Kinds stated as a figure, a time or a place: one sentence states one of them.
    for (const type of askedTypes.filter((kind) => isStatedInFigures(kind) || kind === "contact")) {
      const ofType = { ...asked, types: [type] };
      if (selected.some((sentence) => answerFit(sentence.span.text, ofType).fits)) continue;
      const other = bestScoring(
        candidates.filter(
          (candidate) =>
            // Stating this kind, it states one asked: only those are read again.
            candidate.fitsAskedType &&
            !selected.includes(candidate) &&
            isSameSubject(candidate.passage, best.passage) &&
            candidate.score >= best.score - OTHER_KIND_MARGIN &&
            answerFit(candidate.span.text, ofType).fits,
        ),
      );
      if (other) selected.push(other);
    }
  }
  // A sentence of another document adds to the answer when it holds what the answer is about: the
  // question's weightiest term the best sentence holds ("螢幕" of 「手機摔到螢幕裂了保固有包嗎」), not
  // only words of how it is asked (保固), which a rule about batteries shares. Or when it answers
  // another part of the question as fully as the best sentence answers its own ("Tuition due date
  // and refund time?").
  const subject = [...queryWeights]
    .filter(([term, weight]) => weight > 0 && holdsTerm(best.terms, term, equivalents))
    .reduce<[string, number] | undefined>((top, entry) => (!top || entry[1] > top[1] ? entry : top), undefined)?.[0];
  const mayAdd = (candidate: CandidateSentence, gain: number) =>
    isSameSubject(candidate.passage, best.passage) ||
    subject === undefined ||
    holdsTerm(candidate.terms, subject, equivalents) ||
    gain >= best.coverage - 1e-9;
  const coveredTerms = new Set(selected.flatMap((sentence) => [...sentence.terms]));
  const length = () => selected.reduce((sum, sentence) => sum + sentence.span.text.length, 0);
  while (length() < MAX_ANSWER_CHARS) {
    // The rest of a list the answer has begun comes past MAX_SENTENCES, up to MAX_STEPS lines: a list
    // of who may apply cut after its second line says that only those two may.
    const listLine = selected.length < MAX_STEPS ? followingListLines(candidates, selected) : undefined;
    const next =
      listLine ??
      (selected.length < MAX_SENTENCES ? bestAddition(related, selected, coverageOf, coveredTerms, mayAdd) : undefined);
    // An answer stops short of its length, not past it.
    if (!next || length() + next.span.text.length > MAX_ANSWER_CHARS) break;
    selected.push(next);
    for (const term of next.terms) coveredTerms.add(term);
  }
  const complete = withoutDanglingLeadIns(
    candidates,
    withListLeadIns(
      candidates,
      withRestOfSentences(
        candidates,
        withStartsOfRows(candidates, withRestOfItems(candidates, selected, MAX_ANSWER_CHARS)),
      ),
    ),
  );
  const quoted = new Set(complete.flatMap((sentence) => [...sentence.terms]));
  const excepted = () =>
    figuresAsked(asked).length > 0 &&
    !asked.yesOrNo &&
    namesSubjectOnlySetAside(complete, queryWeights, equivalents, normalizedQuestion);
  // Stated only for another case than the one asked (「國內機場貴賓室」 for a lounge abroad, "free
  // with a contract" for the price without one), the kind of answer asked for is not stated for it,
  // though another quoted sentence names the case asked without stating it (「機車停車場位於…」 after
  // the car park's hours). The quote is folded only for a question that names a case.
  const askedCases = [
    ...casesAskedIn(normalizedQuestion),
    // And things of one kind that the passages tell apart by their labels (「港北服務中心：」 asked,
    // 「中正服務中心：」 quoted).
    ...labelledCasesAskedIn(
      normalizedQuestion,
      candidates.map((candidate) => candidate.span.text),
    ),
  ];
  const statingWhatIsAsked = askedTypes.length === 0 ? complete : complete.filter((sentence) => sentence.fitsAskedType);
  const forOtherCase =
    askedCases.length > 0 &&
    namesOnlyOtherCase(askedCases, textWithSubject(best), statingWhatIsAsked.map(textWithSubject));
  return {
    ...formatAnswer(complete, firstCitation),
    sentenceCoverage: coverageOf(quoted),
    // Found only in another passage than the one whose sentence answers the question best, the kind
    // of answer asked for may be about something else: the answer is not sure of it.
    ...(askedTypes.length === 0
      ? {}
      : {
          // Not when a quoted sentence of its subject that states none sends the reader elsewhere for
          // it (「…另見國際寄件說明」; another page's pointer to the page quoted is no such sentence),
          // nor when the dates quoted are all of other months than the one asked about, nor when
          // the quote never names the fee whose amount is asked.
          answerTypeFound:
            best.passage === leader.passage &&
            complete.some((sentence) => sentence.fitsAskedType && isSameSubject(sentence.passage, best.passage)) &&
            !complete.some(
              (sentence) =>
                !sentence.fitsAskedType &&
                REFERS_ELSEWHERE.test(sentence.span.text) &&
                isSameSubject(sentence.passage, best.passage),
            ) &&
            agreesWithWhatIsAsked(complete, asked) &&
            decidesWhatIsAsked(complete, asked, queryWeights, equivalents) &&
            !forOtherCase,
        }),
    // A figure stated for every case but the one asked about (「招收15歲以上學員（兒童才藝班除外）」
    // for 兒童才藝班幾歲可以報名), or beside a sentence sending the reader elsewhere for that case,
    // states none about it.
    ...(asksOnlyFigures(asked)
      ? {
          figureMissing: !complete.some((sentence) => statesAskedFigure(sentence, asked)) || excepted() || forOtherCase,
        }
      : excepted()
        ? { figureMissing: true }
        : {}),
    quotedPassage: leader.passage,
  };
}

/**
 * The passages read for sentences: the first few, and after them those of the same documents that
 * cover the question as well as the best. Another document's, lower down, is a rival, not a part;
 * so is an FAQ sheet's other pair, which answers a question of its own.
 */
function passagesToQuote(passages: readonly Passage[]): Passage[] {
  const first = passages.slice(0, PASSAGES_TO_QUOTE);
  const documents = new Set(first.map((passage) => passage.document.docId));
  const best = Math.max(0, ...passages.map((passage) => passage.coverage));
  const tied = passages
    .slice(PASSAGES_TO_QUOTE)
    .filter(
      (passage) =>
        best > 0 &&
        passage.coverage >= TIED_COVERAGE * best &&
        documents.has(passage.document.docId) &&
        passage.chunk.faqQuestion === undefined,
    )
    .slice(0, MAX_TIED_PASSAGES);
  return [...first, ...tied];
}

/**
 * Of a table's bands, the one holding the quantity the question states is preferred, and the others
 * set back: a band's edge the question names (「100」 of 「超過 100 度」) is no reason to quote it.
 * Nothing changes when no sentence holds it: a rule the asker falls outside (「年滿 18 歲」 for a
 * child of 16) still answers.
 */
function preferBandsHolding(candidates: CandidateSentence[], fits: readonly Bands["fit"][]): void {
  if (!fits.includes("holds")) return;
  candidates.forEach((candidate, index) => {
    if (fits[index] === "holds") candidate.score += QUANTITY_BAND_BONUS;
    else if (fits[index] === "excludes") candidate.score -= QUANTITY_BAND_BONUS;
  });
}

/** A quoted sentence with what it is under (its document's title, headings, FAQ question), folded for matching. */
function textWithSubject({ span, passage }: CandidateSentence): string {
  return normalizeForMatching(`${subjectTextOf(passage)}\n${span.text}`);
}

/**
 * A case set aside: 「（兒童才藝班除外）」, 「…除外」, 「不含…」, "except for …", "excluding …". Not
 * 除了…以外 or "other than", which as often mean "besides" (「除了線上申請以外，也可以臨櫃辦理」).
 */
const EXCEPTED_CASE = foldedPattern(
  "[（(][^）)]{0,30}(除外|不在此限|不適用)[）)]|[^，。；,;（(]{1,20}(除外|不在此限)|不(含|包括|包含|適用於?)[^，。；,;]{1,20}|\\b(except(?: for)?|excluding|not including)\\b[^,.;]{1,40}",
  "giu",
);

/**
 * Whether the question's weightiest words are named in the quote only as a case set aside, or only
 * by a sentence that sends the reader elsewhere (「考試期間另有提早開放安排，請見自修室相關公告」):
 * the quote then states its figures about everything else.
 */
function namesSubjectOnlySetAside(
  sentences: CandidateSentence[],
  queryWeights: ReadonlyMap<string, number>,
  equivalents: Equivalents,
  normalizedQuestion: string,
): boolean {
  const stating = sentences.filter((sentence) => sentence.fitsAskedType || !REFERS_ELSEWHERE.test(sentence.span.text));
  const texts = stating.map((sentence) => normalizeForMatching(sentence.span.text));
  if (stating.length === sentences.length && !texts.some((text) => text.search(EXCEPTED_CASE) >= 0)) return false;
  // What a stating sentence is under names what it states about too (「測驗費為 NT$ 300」 on the page
  // 「分級測驗」), unless the sentence sets a case aside, which may be the one its heading names.
  const withoutExceptions = new Set(
    stating.flatMap(({ passage }, index) => {
      const text = texts[index] ?? "";
      return text.search(EXCEPTED_CASE) >= 0
        ? analyzeText(text.replace(EXCEPTED_CASE, " "))
        : [
            ...analyzeText(text),
            ...analyzeText(normalizeForMatching(subjectTextOf(passage)).replace(EXCEPTED_CASE, " ")),
          ];
    }),
  );
  const named = new Set(sentences.flatMap((sentence) => [...sentence.terms]));
  // A case the question sets aside itself (「最低畢業學分（不含論文）是多少」) is not what it asks about.
  const setAsideByQuestion = new Set(
    [...normalizedQuestion.matchAll(EXCEPTED_CASE)].flatMap(([aside]) => analyzeText(aside)),
  );
  // Of the question's words the quote names as written, the weightiest: what it is about.
  const namedWeights = [...queryWeights].filter(
    ([term, weight]) => weight > 0 && named.has(term) && !setAsideByQuestion.has(term),
  );
  const heaviest = Math.max(0, ...namedWeights.map(([, weight]) => weight));
  return namedWeights.some(
    ([term, weight]) => weight >= WEIGHTIEST_SHARE * heaviest && !holdsTerm(withoutExceptions, term, equivalents),
  );
}

/**
 * Whether the quote is about what the question names of the answer it asks for: a month it names
 * (dates all of other months are not), a fee whose amount it asks (named in the quoted sentences or
 * the headings they are under: a deductible is no premium).
 */
function agreesWithWhatIsAsked(sentences: CandidateSentence[], { month, fee }: AskedAnswer): boolean {
  if (month === undefined && fee === undefined) return true;
  const quoted = normalizeForMatching(sentences.map((sentence) => sentence.span.text).join("\n"));
  if (month !== undefined) {
    const stated = monthsIn(quoted);
    if (stated.size > 0 && !stated.has(month)) return false;
  }
  if (fee === undefined || fee.test(quoted)) return true;
  const headings = new Set(sentences.flatMap((sentence) => sentence.passage.chunk.headingPath));
  return fee.test(normalizeForMatching([...headings].join("\n")));
}

/** Of the heaviest weight, the share a question's word must weigh to count among its weightiest (學生 beside 優惠). */
const WEIGHTIEST_SHARE = 0.75;

/**
 * Whether a quote that answers yes or no decides it of what the question asks about: it names, in
 * its sentences, their headings, FAQ question or document title, each of the question's weightiest
 * terms (露營 of 「停車場可以停大型露營車嗎」). Any sentence says yes or no to something; one about
 * parking fees does not say whether a camper van may park.
 */
function decidesWhatIsAsked(
  sentences: CandidateSentence[],
  asked: AskedAnswer,
  queryWeights: ReadonlyMap<string, number>,
  equivalents: Equivalents,
): boolean {
  if (!asked.types.every(isGivenInAnyWords)) return true;
  const heaviest = Math.max(0, ...queryWeights.values());
  if (heaviest === 0) return true;
  const named = new Set(sentences.flatMap((sentence) => [...sentence.terms, ...subjectTermsOf(sentence.passage)]));
  // Every word weighing near the heaviest is part of what is asked (學生 and 優惠 of 「學生有沒有優惠」).
  return [...queryWeights].every(
    ([term, weight]) => weight < WEIGHTIEST_SHARE * heaviest || holdsTerm(named, term, equivalents),
  );
}

/**
 * Whether a quoted sentence states a figure of a kind asked for. A "when" is answered by how long
 * from now too ("within 30 days"), and by a time of day ("傍晚時份"); a "which year" is not.
 */
function statesAskedFigure(sentence: CandidateSentence, asked: AskedAnswer): boolean {
  if (sentence.fitsAskedType) return true;
  const { text } = sentence.span;
  return (
    asked.types.includes("date") && !asked.year && (holdsAnswerType(text, "duration") || holdsAnswerType(text, "time"))
  );
}

/** Two sentences give the same rule when they share this share of their terms (Jaccard). */
const PARALLEL_SHARED_TERMS = 0.4;

function sharedTerms(one: CandidateSentence, other: CandidateSentence): number {
  let shared = 0;
  for (const term of one.terms) if (other.terms.has(term)) shared++;
  const all = one.terms.size + other.terms.size - shared;
  return all === 0 ? 0 : shared / all;
}

/**
 * The sentences right after the best one, in its paragraph, that state the kind of answer asked for
 * in words mostly its own and cover the question exactly as much: the same rule for other cases
 * ("All-Access members get 4 free guest passes." then "Basic and Flex members get 2…"), of which the
 * best is only the first.
 */
function parallelSentences(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence[] {
  if (!best.fitsAskedType || best.tableCells > 0) return [];
  const parallel: CandidateSentence[] = [];
  let previous = best;
  for (let index = best.index + 1; parallel.length < MAX_SENTENCES - 1; index++) {
    const next = candidates[index];
    if (
      !next ||
      !areInOneParagraph(previous, next) ||
      !next.fitsAskedType ||
      Math.abs(next.coverage - best.coverage) > 1e-9 ||
      sharedTerms(next, best) < PARALLEL_SHARED_TERMS
    ) {
      break;
    }
    parallel.push(next);
    previous = next;
  }
  return parallel;
}

/** How far from the best sentence the detail it lacks is looked for. */
const DETAIL_DISTANCE = 2;

/**
 * A sentence next to the best one, in its passage, that states the kind of answer asked for: the
 * sentence naming the subject is often followed by the one giving its amount or date ("Each hall
 * has a laundry room…" then "Machines are paid…: NT$ 20 per wash").
 */
function nearbyAnswer(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence | undefined {
  // Items of one list are fields of what its heading names ("對象：…", "金額：…", "申請：…"): another
  // field answers the question only when the heading is what the question asks about, not when the
  // best item merely mentions it (戶籍謄本 among a scholarship's application papers).
  const otherField = (candidate: CandidateSentence) =>
    !best.subjectAsked && listMarkerOf(best) !== undefined && listMarkerOf(candidate) !== undefined;
  return bestScoring(
    candidates.filter(
      (candidate) =>
        candidate.passage === best.passage &&
        candidate !== best &&
        Math.abs(candidate.index - best.index) <= DETAIL_DISTANCE &&
        candidate.fitsAskedType &&
        !IS_A_QUESTION.test(candidate.span.text) &&
        !otherField(candidate),
    ),
  );
}

function bestAddition(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
  coverageOf: (terms: TermSet) => number,
  coveredTerms: Set<string>,
  mayAdd: (candidate: CandidateSentence, gain: number) => boolean,
): CandidateSentence | undefined {
  const coveredNow = coverageOf(coveredTerms);
  let best: CandidateSentence | undefined;
  let bestGain = 0;
  const isNextToSelected = (candidate: CandidateSentence) =>
    selected.some((sentence) => areInOneParagraph(sentence, candidate));
  for (const candidate of candidates) {
    if (selected.includes(candidate) || IS_A_QUESTION.test(candidate.span.text)) continue;
    const union = unionOf(coveredTerms, candidate.terms);
    const gain = coverageOf(union) - coveredNow;
    if (gain < (isNextToSelected(candidate) ? MIN_ADDED_COVERAGE_NEXT_TO : MIN_ADDED_COVERAGE)) continue;
    if (!mayAdd(candidate, gain)) continue;
    // Of sentences adding as much, the one that scores better (states the kind of answer asked for).
    const tied = best !== undefined && Math.abs(gain - bestGain) < 1e-9;
    if (tied ? candidate.score > (best?.score ?? 0) : gain >= bestGain) {
      best = candidate;
      bestGain = gain;
    }
  }
  return best;
}
