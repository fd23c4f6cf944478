import { normalizeForMatching } from "./normalize.js";
import { analyzeText } from "./tokenize.js";

/**
 * Words students use and the words policy documents use for the same thing, one group per line,
 * members separated by commas. Lexical search cannot know that 押金 is a 保證金 or that a dorm is a
 * residence hall; these groups tell it. A passage that holds any member of a group covers a
 * question's word from that group. Only true equivalents belong here: 閉館 (closing time) and 休館
 * (closed days) differ, as do 獎學金 and 助學金, so a group joining them would answer one with the
 * other; words with a second everyday sense (繳交 "hand in", "due to", "charge") stay out too.
 */
export const campusSynonymGroups: readonly string[] = [
  // Housing
  "宿舍, 住宿, 寢室",
  "押金, 保證金",
  "吵, 喧嘩, 噪音, 大聲",
  "退宿, 搬離, 遷出, 搬出",
  "室友, 同寢",
  "報修, 維修, 修繕, 修理",
  "壞掉, 故障, 損壞",
  "包裹, 郵包",
  "dorm, dormitory, residence hall",
  "roommate, flatmate",
  "fix, repair, maintenance",
  "broken, damaged, faulty",
  "deposit, bond",
  "noise, noisy, loud",
  // Registrar
  "加選, 加課, 加到",
  "退選, 退課, 棄選",
  "停修, 棄修",
  "轉系, 改系, 換系, 轉換學系",
  "抵免, 承認學分",
  "休學, 暫停學業",
  "復學, 回來念",
  "成績單, 成績證明",
  "大學部, 學士班, 大學生",
  "研究生, 研究所",
  "undergrad, undergraduate, bachelor",
  "grad, postgraduate",
  "enrol, enroll, register, registration",
  // Deadlines and amounts
  "最晚, 最遲, 截止, 期限",
  "最少, 至少, 最低, 下限",
  "最多, 至多, 最高, 上限",
  "deadline, due date, last day",
  // Fees and money
  "學費, 學雜費",
  "繳費, 付款, 付費, 支付",
  "退費, 退款",
  "貸款, 就學貸款, 學貸",
  "cost, fee, price",
  "pay, payment, paid",
  "refund, reimburse, money back",
  "scholarship, bursary",
  // Library
  "過年, 春節, 農曆新年, 農曆年",
  "閉館, 關門, 關館",
  "借書, 借閱",
  "罰款, 逾期費, 罰金",
  "borrow, lend",
  "fine, late fee, penalty",
  // IT: matching folds to Simplified character by character, so 帳號 and 賬號 both need listing.
  "無線網路, wifi, wireless",
  "密碼, 通行碼",
  "帳號, 賬號",
  "鎖住, 鎖定",
  "打錯, 輸錯, 輸入錯誤",
  "登入, 登陸",
  "信箱, 電子郵件, 電郵",
  "軟體, 軟件",
  "password, passcode",
  "locked, lockout",
  "licence, license",
];

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The index terms a passage must hold to contain a member: a Chinese word's bigrams, however it was segmented. */
export function termsOfMember(member: string): string[] {
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
      const known = index.get(key) ?? [];
      const isNew = (terms: string[]) => !known.some((other) => other.join(" ") === terms.join(" "));
      index.set(key, [...known, ...alternatives.filter(isNew)]);
    }
  }
  return index;
}

/** Other ways of writing a query term: each is the terms a passage must all hold to say the same. */
export function alternativesOf(term: string): readonly (readonly string[])[] {
  return alternativesByTerm.get(term) ?? [];
}
