import { normalizeForMatching } from "./normalize.js";
import { analyzeText } from "./tokenize.js";

/**
 * Words students use and the words policy documents use for the same thing, one group per line,
 * members separated by commas. Lexical search cannot know that 押金 is a 保證金 or that a dorm is a
 * residence hall; these groups tell it. A passage that holds any member of a group covers a
 * question's word from that group. Only true equivalents belong here: 雙主修 and 輔系 are different
 * programmes, so a group joining them would answer one with the other. Chinese is in Traditional script.
 */
const campusSynonymGroups: readonly string[] = [
  // Housing
  "宿舍, 住宿, 寢室",
  "押金, 保證金",
  "吵, 喧嘩, 噪音, 大聲",
  "退宿, 搬離, 遷出, 搬出",
  "室友, 同寢",
  "報修, 維修, 修繕, 修理, 壞掉, 故障, 損壞",
  "包裹, 郵包",
  "dorm, dormitory, residence hall",
  "roommate, flatmate",
  "fix, repair, maintenance",
  "broken, damaged, faulty, repair",
  "move out, vacate",
  "deposit, bond",
  "noise, noisy, loud",
  "parcel, package",
  // Registrar
  "加選, 加課, 加到",
  "退選, 退課, 棄選",
  "停修, 棄修",
  "轉系, 改系, 換系, 轉換學系",
  "抵免, 承認學分",
  "休學, 暫停學業",
  "復學, 回來念, 返校",
  "成績單, 成績證明",
  "大學部, 學士班, 大學生",
  "研究生, 研究所",
  "undergrad, undergraduate, bachelor",
  "grad, postgraduate",
  "major, programme, program",
  "enrol, enroll, register, registration",
  "credit, unit",
  "grade, mark",
  // Deadlines and amounts
  "最晚, 最遲, 截止, 期限",
  "最少, 至少, 最低, 下限",
  "最多, 至多, 最高, 上限",
  "deadline, due, latest, last day",
  "minimum, at least",
  "maximum, at most",
  // Fees and money
  "學費, 學雜費",
  "繳費, 繳交, 付款, 付費, 支付",
  "退費, 退款, 退還",
  "獎學金, 助學金",
  "貸款, 就學貸款, 學貸",
  "cost, fee, price, charge",
  "pay, payment, paid",
  "refund, reimburse, money back",
  "scholarship, bursary, grant, financial aid",
  // Library
  "過年, 春節, 農曆新年, 農曆年",
  "閉館, 休館, 關門, 關館",
  "借書, 借閱",
  "還書, 歸還",
  "罰款, 逾期費, 罰金",
  "borrow, lend",
  "fine, late fee, penalty",
  // IT
  "無線網路, wifi",
  "密碼, 通行碼",
  "帳號, 帳戶, 賬號",
  "鎖住, 鎖定, 上鎖",
  "打錯, 輸錯, 輸入錯誤",
  "登入, 登錄, 登陸",
  "信箱, 電子郵件, 電郵",
  "軟體, 軟件",
  "password, passcode",
  "locked, lockout",
  "wifi, wireless",
  "licence, license",
];

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The index terms a passage must hold to contain a member: a Chinese word's bigrams, however it was segmented. */
function termsOfMember(member: string): string[] {
  if (!HAN_ONLY.test(member)) return [...new Set(analyzeText(member))];
  const characters = [...normalizeForMatching(member)];
  if (characters.length <= 2) return [characters.join("")];
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`);
}

/** The query term a member is asked with, when it is a single word. */
function keyOfMember(member: string): string | undefined {
  if (HAN_ONLY.test(member)) return normalizeForMatching(member);
  const terms = member.includes(" ") ? [] : analyzeText(member);
  return terms.length === 1 ? terms[0] : undefined;
}

const alternativesByTerm = buildIndex(campusSynonymGroups);

function buildIndex(groups: readonly string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const group of groups) {
    const members = group.split(", ");
    for (const member of members) {
      const key = keyOfMember(member);
      if (key === undefined) continue;
      const alternatives = members
        .filter((other) => other !== member)
        .map(termsOfMember)
        .filter((terms) => terms.length > 0);
      index.set(key, [...(index.get(key) ?? []), ...alternatives]);
    }
  }
  return index;
}

/** Other ways of writing a query term: each is the terms a passage must all hold to say the same. */
export function alternativesOf(term: string): readonly (readonly string[])[] {
  return alternativesByTerm.get(term) ?? [];
}
