import { namesOwnSection, type Passage } from "../retrieval/retrieve-passages.js";
import { addedCoverage, type TermSet, unionOf, weightedCoverage, withoutTerms } from "../retrieval/term-weights.js";
import type { Citation } from "../schemas.js";
import { isMostlyChinese } from "../text/language.js";
import { INTRODUCES_WHAT_FOLLOWS, LIST_ITEM, NUMBERED_LIST_ITEM } from "../text/line-kinds.js";
import { foldedPattern, normalizeForMatching } from "../text/normalize.js";
import { splitSentences, type TextSpan } from "../text/sentences.js";
import { analyzeQueryTerms, analyzeText } from "../text/tokenize.js";
import { type Equivalents, noEquivalents } from "../text/vocabulary.js";
import { wordSpecificity } from "../text/word-specificity.js";
import {
  type AskedAnswer,
  answerFit,
  asksYesOrNo,
  holdsAnswerType,
  isStatedInFigures,
  namesAskedField,
  readAskedAnswer,
} from "./answer-types.js";
import { citePassage } from "./citations.js";
import { saysOnlyYesOrNo } from "./yes-or-no-opening.js";

/** Passages whose sentences may be quoted, best first. */
const PASSAGES_TO_QUOTE = 3;
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
const MAX_ANSWER_CHARS = 300;
/** Question terms found only in the passage's title or headings count this much for its sentences. */
const CONTEXT_WEIGHT = 0.9;
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
/**
 * Preference for a table row whose label or one of whose values the question names as written
 * ("理學院" picks 理學院's row, not 管理學院's; "A-" picks A-'s, not A+'s): a table is looked up by its key.
 * So is a row of a table that has the column the question names ("週日幾點開門" and the term-time
 * hours, not the holiday sentence that says 週日閉館).
 */
const TABLE_KEY_BONUS = 0.2;
/** And for a line whose label names that kind of field ("金額：…" for "多少錢"). */
const FIELD_NAME_BONUS = 0.15;
/** A table row as parsers write it: its label, a colon, then its cells, each after its column's name. */
const TABLE_ROW = /^([^：:。.!?]{1,40})[：:]\s*(\S.*)$/u;
/** Between a row's cells: "，" or ", ", never the comma inside "24,310". */
const CELL_SEPARATOR = /，|,\s/u;
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
/** A word of a case this specific in the language at large names the case (遺失, not 者 or 時). */
const TOPICAL_WORD = 0.5;
/** A sentence that is itself a question rarely answers one. */
const QUESTION_PENALTY = 0.6;
/**
 * Another document's passage may add a sentence only when it covers the question about as well as
 * the best sentence's passage does.
 */
const RELATED_COVERAGE_SHARE = 0.8;
/** Steps of a how-to answer quoted at most; a longer list is cut with its citation pointing to the rest. */
const MAX_STEPS = 6;
/** Share of a question's weight a heading covers when it names what is asked (the rest is how it is asked: 誰付, "what are"). */
const HEADING_NAMES_QUESTION = 0.5;
/** A line that ends a sentence, or introduces what follows, can run on into the next one. */
const SENTENCE_END = /[。！？.!?；;：:]$/;
const IS_A_QUESTION = /[?？]$/;
/** Every numbered line of a text, to count a procedure's steps. */
const NUMBERED_LINES = new RegExp(NUMBERED_LIST_ITEM.source, "gm");

interface CandidateSentence {
  /** Position among all candidates, in reading order: neighbours are adjacent sentences. */
  index: number;
  passage: Passage;
  span: TextSpan;
  terms: Set<string>;
  coverage: number;
  /** Whether it states an answer of a kind the question asks for. */
  fitsAskedType: boolean;
  /** Whether its passage's title or headings hold any of the question's words. */
  subjectAsked: boolean;
  /**
   * Whether the question names it: a table row by its key or by words of its label that the title
   * and headings lack, or a line whose label names the field asked for.
   */
  isNamed: boolean;
  /** How much of the question the words of its label cover that its title and headings lack; 0 without a label. */
  labelCoverage: number;
  /** Of a table row, its label (its first cell) when the question names it as written ("Japan" in "Japan shipping fee?"), folded. */
  namedLabel?: string;
  /** Of such a row, set when the question names one of its columns too ("the minimum term of the student plan"). */
  namedColumnToo?: true;
  /** How many cells it has as a table row; 0 when it is not one (a list item's "label：value" is not). */
  tableCells: number;
  /** How well the sentence answers the question, all signals together. */
  score: number;
}

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
  const askedFigures = { types: askedTypes.filter(isStatedInFigures) };
  const normalizedQuestion = normalizeForMatching(question);
  const asksYesNo = asked.yesOrNo ?? asksYesOrNo(question);
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
  // The case a sentence opens on is asked about when the question covers each of its words.
  const opensOnUnaskedCase = (text: string) => {
    // Folding is the costly part: only a sentence holding 者 is folded for it.
    if (!text.includes("者")) return false;
    const opening = CASE_OPENING.exec(normalizeForMatching(text));
    const caseWords = opening?.[1];
    // A case stating what is asked ("年收入在 120萬元以下者，" for "年收入多少以下") is the answer's.
    if (caseWords === undefined || answerFit(caseWords, asked).fits) return false;
    return [...analyzeQueryTerms(caseWords)].some(
      ([term, { acrossWords }]) =>
        !acrossWords &&
        wordSpecificity(term) >= TOPICAL_WORD &&
        weightedCoverage(new Map([[term, 1]]), queryWeights, equivalents) === 0,
    );
  };
  const inSectionAsked = (candidate: CandidateSentence, sentence: CandidateSentence) =>
    !namesSection(sentence.passage) ||
    isSameSection(candidate.passage, sentence.passage) ||
    namesSection(candidate.passage);
  const candidates: CandidateSentence[] = [];
  // Ranked by document, the pairs of an FAQ sheet too: BM25's order among the parts of one document
  // says little about which sentence answers (ranking each pair on its own, as isSameSubject reads
  // them for what may be added, let two wrong city answers through on the tuning part).
  const documentOrder = [...new Set(passages.map((passage) => passage.document.docId))];
  const read = new Set<Passage>();
  const addCandidates = (passage: Passage) => {
    if (read.has(passage)) return;
    read.add(passage);
    // An FAQ pair's question heads its answer, as a section's heading does.
    const headingTerms = new Set(
      analyzeText(
        `${passage.document.title} ${passage.chunk.headingPath.join(" ")} ${passage.chunk.faqQuestion ?? ""}`,
      ),
    );
    const headingCoverage = coverageOf(headingTerms);
    const subjectAsked = headingCoverage > 0;
    const documentRank = documentOrder.indexOf(passage.document.docId);
    const spans = splitSentences(passage.chunk.text);
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
    for (const span of spans) {
      const onNewLine = passage.chunk.text.slice(previousEnd, span.start).includes("\n");
      previousEnd = span.end;
      // A bare "Yes." answers its own FAQ question: quoted for another kind of question, it says nothing.
      if (!asksYesNo && saysOnlyYesOrNo(span.text)) continue;
      const terms = new Set(analyzeText(span.text));
      const coverage = coverageOf(terms);
      // What the title and headings add to the sentence: not a question term the sentence already
      // covers in other words (寢室 for 宿舍), which would otherwise count twice.
      const addedByContext = addedCoverage(queryWeights, terms, headingTerms, equivalents);
      const fit = answerFit(span.text, asked);
      const { inUnit, asDeadline } = fit;
      // A table row as written, or a list item's "label：value" (read without its marker).
      const row = TABLE_ROW.exec(span.text);
      const isListItem = LIST_ITEM.test(span.text);
      const isTableRow = row !== null && !isListItem;
      // A row of a table has columns; "label：value" alone may be a sentence ("收費如下（單位：元）。").
      const tableCells = isTableRow ? cellsOf(row).length : 0;
      const isRowOfCells = tableCells >= 2;
      const fits =
        fit.fits || (isRowOfCells && row !== null && introducer.sentence !== undefined && statesOnlyFigures(row));
      const introduces = fit.fits && INTRODUCES_WHAT_FOLLOWS.test(span.text);
      const label = (isListItem ? TABLE_ROW.exec(span.text.replace(LIST_ITEM, "")) : row)?.[1];
      const keyNamed =
        row !== null && (namesTableKey(row, normalizedQuestion) || namesInOtherWords((row[1] ?? "").trim()));
      const columnNamed = isTableRow && namesTableColumn(row, queryWeights);
      const fieldNamed = fits && label !== undefined && namesAskedField(label, asked);
      // The question picks this row out by words of its label that the title and headings lack.
      const labelCoverage =
        label === undefined ? 0 : coverageOf(withoutTerms(new Set(analyzeText(labelHead(label))), headingTerms));
      const rowNamed = labelCoverage > 0;
      const score =
        coverage +
        CONTEXT_WEIGHT * addedByContext +
        SECTION_SUBJECT_WEIGHT * headingCoverage +
        (fits ? ANSWER_TYPE_BONUS : 0) +
        (keyNamed ? TABLE_KEY_BONUS : 0) +
        (columnNamed ? TABLE_KEY_BONUS : 0) +
        (fieldNamed ? FIELD_NAME_BONUS : 0) +
        (inUnit ? DURATION_UNIT_BONUS : 0) +
        (asDeadline ? DEADLINE_BONUS : 0) -
        (opensOnUnaskedCase(span.text) ? UNASKED_CASE_PENALTY : 0) -
        (IS_A_QUESTION.test(span.text) ? QUESTION_PENALTY : 0) -
        PASSAGE_RANK_DISCOUNT * documentRank;
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
  for (const passage of passages.slice(0, PASSAGES_TO_QUOTE)) addCandidates(passage);
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
    const typedOnSubject = typed.filter(
      (candidate) => isSameSubject(candidate.passage, sentence.passage) && inSectionAsked(candidate, sentence),
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
    const procedure = selected || namesSection(best.passage) ? undefined : procedureIn(passages, best.passage);
    if (procedure) {
      addCandidates(procedure);
      const firstStep = candidates.find(
        (candidate) => candidate.passage === procedure && listMarkerOf(candidate) === "numbered",
      );
      selected = firstStep && listOfSteps(candidates, firstStep);
    }
  }
  if (!selected) selected = rowsNamedAlike(candidates, best);
  // A question naming the section a small table is the body of, and none of its rows, asks for the
  // table ("信義店課表" and the section 信義店每週課表), not for the note under it.
  if (!selected && !best.isNamed && namesSection(best.passage)) selected = tableIn(candidates, best.passage);
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
  const coveredTerms = new Set(selected.flatMap((sentence) => [...sentence.terms]));
  const length = () => selected.reduce((sum, sentence) => sum + sentence.span.text.length, 0);
  while (selected.length < MAX_SENTENCES && length() < MAX_ANSWER_CHARS) {
    const next = followingListLines(candidates, selected) ?? bestAddition(related, selected, coverageOf, coveredTerms);
    // An answer stops short of its length, not past it.
    if (!next || length() + next.span.text.length > MAX_ANSWER_CHARS) break;
    selected.push(next);
    for (const term of next.terms) coveredTerms.add(term);
  }
  const complete = withoutDanglingLeadIns(
    candidates,
    withRestOfSentences(candidates, withStartsOfRows(candidates, selected)),
  );
  const quoted = new Set(complete.flatMap((sentence) => [...sentence.terms]));
  return {
    ...formatAnswer(complete, firstCitation),
    sentenceCoverage: coverageOf(quoted),
    // Found only in another passage than the one whose sentence answers the question best, the kind
    // of answer asked for may be about something else: the answer is not sure of it.
    ...(askedTypes.length === 0
      ? {}
      : {
          answerTypeFound:
            best.passage === leader.passage &&
            complete.some((sentence) => sentence.fitsAskedType && isSameSubject(sentence.passage, best.passage)),
        }),
    ...(askedTypes.length > 0 && askedTypes.every(isStatedInFigures)
      ? { figureMissing: !complete.some((sentence) => statesAskedFigure(sentence, asked)) }
      : {}),
    quotedPassage: leader.passage,
  };
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

function bestScoring(candidates: CandidateSentence[]): CandidateSentence | undefined {
  return candidates.reduce<CandidateSentence | undefined>(
    (leader, candidate) => (!leader || candidate.score > leader.score ? candidate : leader),
    undefined,
  );
}

/** Whether two passages lie under the same headings. */
function isSameSection(passage: Passage, other: Passage): boolean {
  const [path, otherPath] = [passage.chunk.headingPath, other.chunk.headingPath];
  return path.length === otherPath.length && path.every((heading, index) => heading === otherPath[index]);
}

/**
 * Whether two passages are about one subject: they come from one document, unless that document is
 * an FAQ sheet, whose curated pairs each answer a question of their own (how to pay the house tax is
 * not what paying it late costs).
 */
function isSameSubject(passage: Passage, other: Passage): boolean {
  if (passage.document.docId !== other.document.docId) return false;
  return passage.chunk.faqQuestion === undefined || passage.chunk.chunkId === other.chunk.chunkId;
}

/**
 * Whether the question names one of a table row's columns ("週日" in "週日 13:00–21:00"): a row of
 * the table that has the column asked about answers before a sentence that mentions it in passing.
 */
function namesTableColumn(row: RegExpExecArray, queryWeights: ReadonlyMap<string, number>): boolean {
  return cellsOf(row).some((cell) => asksAbout(analyzeText(cellParts(cell).column), queryWeights));
}

/**
 * Whether the question names a column of the row whatever the length of its cells' values ("Minimum
 * term 6 months": the column is some words before the last): asked only of a row the question also
 * names by its label, where a column read too long costs nothing.
 */
function namesColumnOfNamedRow(row: RegExpExecArray, queryWeights: ReadonlyMap<string, number>): boolean {
  return cellsOf(row).some((cell) => {
    const words = cell.trim().split(/\s+/);
    return words.slice(1).some((_, end) => asksAbout(analyzeText(words.slice(0, end + 1).join(" ")), queryWeights));
  });
}

function asksAbout(terms: string[], queryWeights: ReadonlyMap<string, number>): boolean {
  return terms.length > 0 && terms.every((term) => (queryWeights.get(term) ?? 0) > 0);
}

/** Whether a table row's label, or the value of one of its cells, the question holds whole. */
function namesTableKey(row: RegExpExecArray, normalizedQuestion: string): boolean {
  const [, label = ""] = row;
  // Split before folding: folding turns "，" into "," and would run the cells together.
  const values = cellsOf(row).map((cell) => cellParts(cell).value);
  // Folded together, once: a line break survives folding and parts the keys again.
  const keys = normalizeForMatching([label, labelHead(label), ...values].map((key) => key.trim()).join("\n")).split(
    "\n",
  );
  return keys.some((key) => key.length >= 2 && holdsWhole(normalizedQuestion, key));
}

/**
 * A table row's label, folded, when the question names it, as written or in other words: a value's
 * unit ("5 公斤") names no row.
 */
function namedLabelOf(
  row: RegExpExecArray,
  normalizedQuestion: string,
  namesInOtherWords: (label: string) => boolean,
): Pick<CandidateSentence, "namedLabel"> {
  const written = (row[1] ?? "").trim();
  for (const name of new Set([written, labelHead(written)])) {
    const label = normalizeForMatching(name);
    if (label.length >= 2 && (holdsWhole(normalizedQuestion, label) || namesInOtherWords(name)))
      return { namedLabel: label };
  }
  return {};
}

/** A label without the qualifier in brackets after it: "總館（各樓層閱覽區）" is named by 總館. */
function labelHead(label: string): string {
  return label.replace(/\s*[（(][^（）()]*[）)]\s*$/u, "");
}

/** Whether `text` holds `key` not as part of a longer word: "理学院" is not in "管理学院", nor "a" in "a-". */
function holdsWhole(written: string, writtenKey: string): boolean {
  // "all access" names the All-Access row, and "all-access" an All Access one.
  const text = withHyphensAsSpaces(written);
  const key = withHyphensAsSpaces(writtenKey);
  let from = text.indexOf(key);
  while (from >= 0) {
    const before = text[from - 1] ?? " ";
    const after = text[from + key.length] ?? " ";
    if (!/[\p{L}\p{N}+-]/u.test(before) && !/[\p{L}\p{N}+-]/u.test(after)) return true;
    // Chinese is written without spaces: a label is whole unless a Han character runs on before it.
    if (/\p{Script=Han}/u.test(key) && !/\p{Script=Han}/u.test(before)) return true;
    from = text.indexOf(key, from + 1);
  }
  return false;
}

/** A hyphen between two letters read as the space it stands for ("all-access"); "A-" keeps its. */
function withHyphensAsSpaces(text: string): string {
  return text.includes("-") ? text.replace(/(?<=\p{L})-(?=\p{L})/gu, " ") : text;
}

/** A table of at most this many rows is quoted whole when the question names none of them. */
const MAX_TABLE_ROWS = 6;

/**
 * The rows of the small table the best sentence is a row of, when the question names none of its
 * rows: "戶籍謄本多少錢" is answered by the fee table, not by the row that happens to share most words.
 */
function wholeTable(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence[] | undefined {
  // Rows of columns, each stating what was asked: lines of one label and one value are a record
  // ("申請對象：…", "撥款：…"), whose other lines answer other questions.
  if (best.isNamed || best.tableCells < 2) return undefined;
  const rows = rowsOfTable(candidates, best);
  const quotable = rows.every((row) => row.fitsAskedType && !row.isNamed);
  return rows.length >= 2 && rows.length <= MAX_TABLE_ROWS && quotable ? rows : undefined;
}

/** The rows of the table `row` is in: the lines around it, of its passage, with as many cells each. */
function rowsOfTable(candidates: CandidateSentence[], row: CandidateSentence): CandidateSentence[] {
  const inTable = (line: CandidateSentence | undefined, next: CandidateSentence | undefined) =>
    line !== undefined &&
    next !== undefined &&
    line.passage === next.passage &&
    line.tableCells === row.tableCells &&
    next.tableCells === row.tableCells &&
    startsNewLine(line, next);
  let first = row.index;
  while (inTable(candidates[first - 1], candidates[first])) first--;
  let last = row.index;
  while (inTable(candidates[last], candidates[last + 1])) last++;
  return candidates.slice(first, last + 1);
}

/**
 * The rows of the best row's table whose labels name the question as much as its own does: "lunar
 * new year opening hours" is answered by the eve's row, the first day's and the second to fifth
 * days', not by the first of them alone. Undefined when only the best row is named so.
 */
function rowsNamedAlike(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence[] | undefined {
  if (best.tableCells === 0 || best.labelCoverage === 0) return undefined;
  const named = rowsOfTable(candidates, best).filter(
    (row) => row.labelCoverage >= best.labelCoverage - 1e-9 && row.fitsAskedType === best.fitsAskedType,
  );
  return named.length >= 2 && named.length <= MAX_TABLE_ROWS ? named : undefined;
}

/** The rows of the one small table of a passage, when it has one and the question names none of its rows. */
function tableIn(candidates: CandidateSentence[], passage: Passage): CandidateSentence[] | undefined {
  const rows = candidates.filter((candidate) => candidate.passage === passage && candidate.tableCells >= 2);
  const [first] = rows;
  // One table: the rows around its first are all the passage's.
  const oneTable = first !== undefined && rowsOfTable(candidates, first).length === rows.length;
  const small = rows.length >= 2 && rows.length <= MAX_TABLE_ROWS;
  return oneTable && small && rows.every((row) => !row.isNamed) ? rows : undefined;
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

/** The sentence introducing a small table, with the table, when the sentence is the best one ("掛號費收費如下（單位：元）。"). */
function introducedTable(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence[] | undefined {
  if (!INTRODUCES_WHAT_FOLLOWS.test(best.span.text)) return undefined;
  // The table starts on the next line: a note may end the introducing one ("…如下。健保部分負擔另計。").
  let at = best.index + 1;
  while (candidates[at]?.passage === best.passage && !startsNewLine(best, candidates[at] as CandidateSentence)) at++;
  const firstRow = candidates[at];
  if (firstRow?.passage !== best.passage || firstRow.tableCells < 2) return undefined;
  const rows = wholeTable(candidates, firstRow);
  return rows?.[0] === firstRow ? [best, ...rows] : undefined;
}

/** Whether every cell of a table row is a figure ("西醫門診 150"), in a unit its table states elsewhere. */
function statesOnlyFigures(row: RegExpExecArray): boolean {
  return cellsOf(row).every((cell) => /^[\d,.]+$/.test(cellParts(cell).value));
}

/** A cell as rows are written ("週日 13:00–21:00", "學費 24,310"): its column's name, then its value. */
function cellParts(cell: string): { column: string; value: string } {
  const words = cell.trim().split(/\s+/);
  return { column: words.slice(0, -1).join(" "), value: words.at(-1) ?? "" };
}

/** A table row's cells, as written. */
function cellsOf(row: RegExpExecArray): string[] {
  return (row[2] ?? "").split(CELL_SEPARATOR);
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

/**
 * A how-to answer: the list of steps the best sentence belongs to or introduces, with its lead-in,
 * at most MAX_STEPS lines; with `anyList`, whatever list it is on, steps or not, from where the best
 * line still fits in. Undefined when the best sentence is not part of a list.
 */
function listOfSteps(
  candidates: CandidateSentence[],
  best: CandidateSentence,
  anyList = false,
): CandidateSentence[] | undefined {
  const at = candidates.indexOf(best);
  const marker = (candidate: CandidateSentence | undefined) => listMarkerIn(candidate, best.passage);
  const introduced = INTRODUCES_WHAT_FOLLOWS.test(best.span.text) ? marker(candidates[at + 1]) : undefined;
  const kind = marker(best) ?? introduced;
  // Steps are numbered, or say what to do: a bulleted list of limits is not a procedure. But the
  // list that the sentence answering best introduces is what it says ("…得申請學雜費分期：" and how).
  if (!kind || (kind === "bulleted" && !best.fitsAskedType && !introduced && !anyList)) return undefined;
  const listStart = marker(best) ? firstLineOfList(candidates, at, kind) : at + 1;
  // Steps from the first; any other list from where the best line still fits in.
  const first = anyList ? Math.max(listStart, at - MAX_STEPS + 1) : listStart;
  const steps: CandidateSentence[] = [];
  for (let index = first; marker(candidates[index]) === kind && steps.length < MAX_STEPS; index++) {
    steps.push(candidates[index] as CandidateSentence);
  }
  const leadIn = candidates[first - 1];
  const introduces = leadIn?.passage === best.passage && INTRODUCES_WHAT_FOLLOWS.test(leadIn.span.text);
  return introduces ? [leadIn, ...steps] : steps;
}

/** The best-ranked passage on `best`'s subject, other than it, that holds a numbered list of at least two steps. */
function procedureIn(passages: Passage[], best: Passage): Passage | undefined {
  return passages.find(
    (passage) =>
      passage !== best && isSameSubject(passage, best) && (passage.chunk.text.match(NUMBERED_LINES)?.length ?? 0) >= 2,
  );
}

/**
 * The kind of list the sentence's line belongs to, numbered or bulleted, or undefined: a list item
 * of two sentences has its second on the same line ("4. Approve the sign-in. MFA is required.").
 */
type ListKind = "numbered" | "bulleted";

function listMarkerOf(sentence: CandidateSentence): ListKind | undefined {
  const { text } = sentence.passage.chunk;
  const line = text.slice(text.lastIndexOf("\n", sentence.span.start - 1) + 1);
  const item = LIST_ITEM.exec(line)?.[0];
  if (!item) return undefined;
  return /\d/.test(item) ? "numbered" : "bulleted";
}

/** The kind of list `sentence` is on, when it is in `passage`. */
function listMarkerIn(sentence: CandidateSentence | undefined, passage: Passage | undefined): ListKind | undefined {
  return sentence && sentence.passage === passage ? listMarkerOf(sentence) : undefined;
}

/**
 * The selection without a sentence that ends in a colon but is not followed by what it introduces:
 * "…得申請停修：" alone promises a list the answer does not give.
 */
function withoutDanglingLeadIns(candidates: CandidateSentence[], selected: CandidateSentence[]): CandidateSentence[] {
  const kept = selected.filter((sentence) => {
    if (!INTRODUCES_WHAT_FOLLOWS.test(sentence.span.text)) return true;
    // It is followed by what it introduces: the next line, or a line of the list right after it (a
    // note may end its own line: "…如下。健保部分負擔另計。").
    for (let index = sentence.index + 1; candidates[index]?.passage === sentence.passage; index++) {
      const line = candidates[index] as CandidateSentence;
      if (selected.includes(line)) return true;
      if (!startsNewLine(sentence, line)) continue;
      if (!LIST_ITEM.test(line.span.text)) return false;
    }
    return false;
  });
  return kept.length > 0 ? kept : selected;
}

/**
 * A sentence that opens by pointing back ("牠們…", "而他…", "該表格…", "This form…"), by going on
 * from the one before ("使得…", "自此…"), by leaving out its subject ("是歐洲唯一…") or by dating
 * itself from the one before ("同年，", "同年3月", "當時，") is about the one before it; one opening
 * with "It is…", "此外", "他人", "是的", "當年度", "同日辦理" or "同時符合" points nowhere.
 */
const POINTS_BACK = foldedPattern(
  "^(?:(?:就在|而|但|於是|因此|然而|不過)?(?:他們|他(?![人校])|[她它牠]們?)|其(?![他它實餘次])|該|此(?!外)|這|使得|自此|從此|隨後|之後|後來|原為|原是|同時[，,]|那[些個]|上述|前者|後者|兩者|雙方|兩[校國家方隊]|是(?![否的])|(?:同年|同月|同日|當年|當時|次年|翌年|隔年)(?:[，,]|\\s*[0-9一二三四五六七八九十]+\\s*[月日])|(?:they|this|these|those|he|she)\\b)",
  "iu",
);

/**
 * "This" with what it counts, anywhere in a sentence ("…，這支球隊…", "這一時期", "在這段時間裡",
 * "以此為藉口"): named before it. Not 所以此, 以此類推 or 應該, nor 該 after "…者，", which points
 * back to the 者 of its own sentence ("未繳費者，該生…").
 */
const POINTS_BACK_WITHIN = foldedPattern(
  "(?:這|(?<!應)該)[一支張個位些項種本部所座家間條名次場段]|(?<![所可])以此(?!類推)",
  "u",
);
const CONDITION_CLAUSE = foldedPattern("者[，,]", "u");

/**
 * The sentence before the best one, in its passage, when the best one opens by pointing back to
 * it: "牠們在建造水壩時…" alone does not say which animal.
 */
function referent(candidates: CandidateSentence[], best: CandidateSentence): CandidateSentence | undefined {
  const before = candidates[best.index - 1];
  const sentence = normalizeForMatching(best.span.text.replace(LIST_ITEM, ""));
  return before?.passage === best.passage &&
    (POINTS_BACK.test(sentence) || pointsBackWithin(sentence)) &&
    !INTRODUCES_WHAT_FOLLOWS.test(before.span.text) &&
    !IS_A_QUESTION.test(before.span.text)
    ? before
    : undefined;
}

function pointsBackWithin(sentence: string): boolean {
  const pointer = POINTS_BACK_WITHIN.exec(sentence);
  return pointer !== null && !CONDITION_CLAUSE.test(sentence.slice(0, pointer.index));
}

/**
 * The sentence that introduces the list a chosen list line belongs to ("住宿生不得有下列行為："):
 * without it, "使用電鍋" would read as allowed.
 */
function listLeadIn(candidates: CandidateSentence[], line: CandidateSentence): CandidateSentence | undefined {
  const kind = listMarkerOf(line);
  if (!kind) return undefined;
  const before = candidates[firstLineOfList(candidates, line.index, kind) - 1];
  return before?.passage === line.passage && INTRODUCES_WHAT_FOLLOWS.test(before.span.text) ? before : undefined;
}

/** Position in `candidates` of the first sentence of the list, of one kind and in one passage, that `at` is on. */
function firstLineOfList(candidates: CandidateSentence[], at: number, kind: ListKind): number {
  const passage = candidates[at]?.passage;
  let first = at;
  while (listMarkerIn(candidates[first - 1], passage) === kind) first--;
  return first;
}

/** A clause cut at a semicolon: the sentence goes on after it. */
const ENDS_A_CLAUSE = /[;；]$/;

/**
 * The selection with the rest of each sentence it cuts at a semicolon, on the same line: "service
 * dogs are welcome;" without "other pets must stay in a carrier" answers "can I bring my dog?" wrongly.
 */
function withRestOfSentences(candidates: CandidateSentence[], selected: CandidateSentence[]): CandidateSentence[] {
  const completed = [...selected];
  for (const sentence of selected) {
    for (const clause of clausesOfItsSentence(candidates, sentence, 1))
      if (!completed.includes(clause)) completed.push(clause);
  }
  return completed;
}

/**
 * The selection with the start of each table row it quotes from past a semicolon in a cell: "除濕機
 * 壓縮機保固 3 年" without its row ("大型家電：…保固期間 2 年，…主機本體；") says 3 years for a 2-year warranty.
 */
function withStartsOfRows(candidates: CandidateSentence[], selected: CandidateSentence[]): CandidateSentence[] {
  const completed = [...selected];
  for (const sentence of selected) {
    const before = clausesOfItsSentence(candidates, sentence, -1);
    if ((before.at(-1) ?? sentence).tableCells > 0)
      completed.push(...before.filter((clause) => !completed.includes(clause)));
  }
  return completed;
}

/**
 * The other clauses of the sentence `sentence` is a clause of, cut from it at semicolons on its
 * line: those after it (`step` 1) or those before it, nearest first (`step` -1).
 */
function clausesOfItsSentence(
  candidates: CandidateSentence[],
  sentence: CandidateSentence,
  step: 1 | -1,
): CandidateSentence[] {
  const clauses: CandidateSentence[] = [];
  let clause = sentence;
  for (;;) {
    const other = candidates[clause.index + step];
    if (!other || !(step === 1 ? goesOnIn(clause, other) : goesOnIn(other, clause))) return clauses;
    clauses.push(other);
    clause = other;
  }
}

/** Whether `next`, the sentence right after `clause` in its passage, is the rest of the sentence `clause` cuts at a semicolon. */
function goesOnIn(clause: CandidateSentence, next: CandidateSentence): boolean {
  return (
    next.index === clause.index + 1 &&
    next.passage === clause.passage &&
    ENDS_A_CLAUSE.test(clause.span.text) &&
    !startsNewLine(clause, next)
  );
}

/**
 * Whether two sentences follow each other in one paragraph of prose: not table rows, each a record
 * of its own, nor lines apart, as list items are.
 */
function areInOneParagraph(one: CandidateSentence, other: CandidateSentence): boolean {
  const [first, second] = one.index < other.index ? [one, other] : [other, one];
  return (
    first.passage === second.passage &&
    second.index - first.index === 1 &&
    first.tableCells === 0 &&
    second.tableCells === 0 &&
    !startsNewLine(first, second)
  );
}

/** Whether a line break stands between two sentences of one passage. */
function startsNewLine(sentence: CandidateSentence, later: CandidateSentence): boolean {
  return sentence.passage.chunk.text.slice(sentence.span.end, later.span.start).includes("\n");
}

/** A sentence ending in a colon introduces the list lines that follow it, which belong with it. */
function followingListLines(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
): CandidateSentence | undefined {
  const last = selected.at(-1);
  if (!last) return undefined;
  const lastIndex = last.index;
  const previous = candidates[lastIndex - 1];
  const continuesList = LIST_ITEM.test(last.span.text) && previous !== undefined && selected.includes(previous);
  if (!INTRODUCES_WHAT_FOLLOWS.test(last.span.text) && !continuesList) return undefined;
  const following = candidates[lastIndex + 1];
  const isListLine = following !== undefined && (LIST_ITEM.test(following.span.text) || !continuesList);
  return isListLine && following.passage === last.passage && !selected.includes(following) ? following : undefined;
}

function bestAddition(
  candidates: CandidateSentence[],
  selected: CandidateSentence[],
  coverageOf: (terms: TermSet) => number,
  coveredTerms: Set<string>,
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
    // Of sentences adding as much, the one that scores better (states the kind of answer asked for).
    const tied = best !== undefined && Math.abs(gain - bestGain) < 1e-9;
    if (tied ? candidate.score > (best?.score ?? 0) : gain >= bestGain) {
      best = candidate;
      bestGain = gain;
    }
  }
  return best;
}

/**
 * One citation per passage, numbered once: the sentences quoted from it, in reading order, then its
 * `[n]`; its quote runs verbatim from the first of them to the last. List markers are left out of
 * the answer text (the quote keeps them), and a sentence cut at a semicolon ends as a sentence.
 */
function formatAnswer(
  selected: CandidateSentence[],
  firstCitation: number,
): Pick<ExtractiveAnswer, "answer" | "citations"> {
  const groups: CandidateSentence[][] = [];
  for (const sentence of [...selected].sort((left, right) => left.index - right.index)) {
    const group = groups.at(-1);
    if (group && group[0]?.passage === sentence.passage) group.push(sentence);
    else groups.push([sentence]);
  }
  const citations: Citation[] = [];
  let answer = "";
  // Whether the last passage's quote ended a sentence: a table row does not, and the next passage's
  // quote then starts a line of its own rather than running on after the row's citation.
  let endedSentence = true;
  for (const group of groups) {
    const first = group[0] as CandidateSentence;
    const last = group.at(-1) as CandidateSentence;
    const n = firstCitation + citations.length;
    citations.push(citePassage(n, first.passage, first.span.start, last.span.end));
    let text = "";
    // A step's number is kept where the answer quotes the steps, not on a single item ("2. 租借時須出示…").
    const keepNumbers = group.filter((sentence) => NUMBERED_LIST_ITEM.test(sentence.span.text)).length > 1;
    group.forEach((sentence, position) => {
      const previous = group[position - 1];
      const next = group[position + 1];
      // Lines that stood on lines of their own (table rows, list items without a full stop) stay so.
      // So do the numbered steps of a procedure, with their numbers.
      const onItsOwnLine =
        previous?.index === sentence.index - 1 &&
        (!SENTENCE_END.test(previous.span.text) || NUMBERED_LIST_ITEM.test(sentence.span.text)) &&
        startsNewLine(previous, sentence);
      // A clause whose sentence goes on in the answer keeps its semicolon.
      const readable = readableSentence(sentence.span.text, {
        endsHere: !(next && goesOnIn(sentence, next)),
        keepNumber: keepNumbers,
        // A clause quoted without the one before its semicolon starts the answer's sentence.
        startsSentence: position === 0 || previous?.index !== sentence.index - 1,
        afterSemicolon: /[;；]\s*$/.test(sentence.passage.chunk.text.slice(0, sentence.span.start)),
      });
      // Nor is a piece that ends no sentence (a table row) run into the next one.
      const apart = onItsOwnLine || (text !== "" && !SENTENCE_END.test(text));
      text = apart ? `${text}\n${readable}` : joinSentences(text, readable);
    });
    answer = endedSentence ? joinSentences(answer, `${text}[${n}]`) : `${answer}\n${text}[${n}]`;
    endedSentence = SENTENCE_END.test(text);
  }
  return { answer, citations };
}

/**
 * A sentence as an answer shows it: without its bullet (and without its number, unless the steps
 * are quoted), a clause cut at a semicolon ended as a sentence unless it goes on, and begun as one
 * when quoted without the clause before it ("we accept cash…" → "We accept cash…").
 */
function readableSentence(
  text: string,
  how: { endsHere: boolean; keepNumber: boolean; startsSentence: boolean; afterSemicolon: boolean },
): string {
  const withoutBullet = how.keepNumber && NUMBERED_LIST_ITEM.test(text) ? text : text.replace(LIST_ITEM, "");
  const begun =
    how.startsSentence && how.afterSemicolon
      ? withoutBullet.replace(/^[a-z]/, (letter) => letter.toUpperCase())
      : withoutBullet;
  return how.endsHere ? begun.replace(/；$/, "。").replace(/;$/, ".") : begun;
}

function joinSentences(text: string, sentence: string): string {
  if (!text) return sentence;
  return needsSpaceBetween(text, sentence) ? `${text} ${sentence}` : text + sentence;
}

function needsSpaceBetween(before: string, after: string): boolean {
  return /[A-Za-z0-9.!?:;,)\]]$/.test(before) && /^[A-Za-z0-9("']/.test(after);
}
