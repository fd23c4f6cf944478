/** A synthetic bilingual policy corpus of any size, reproducible from a seed. */

const TOPICS = ["加退選", "轉系", "學分抵免", "宿舍", "學雜費", "獎學金", "圖書館", "網路", "畢業", "休學"];
const ACTIONS = ["申請", "繳交", "辦理", "查詢", "更改", "取消"];
const OFFICES = ["教務處", "學務處", "總務處", "圖書館", "計算機中心"];
const ENGLISH_TOPICS = ["course registration", "housing", "tuition", "scholarships", "library loans", "Wi-Fi"];

export interface GeneratedDocument {
  docId: string;
  title: string;
  text: string;
  question: string;
}

/** A small linear congruential generator, so that every run measures the same corpus. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateCorpus(documentCount: number, seed = 42): GeneratedDocument[] {
  const random = makeRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: documentCount }, (_, index) => {
    const topic = pick(TOPICS);
    const english = pick(ENGLISH_TOPICS);
    const code = `D${1000 + index}`;
    const paragraphs = Array.from({ length: 6 }, (__, paragraph) => {
      const day = 1 + Math.floor(random() * 28);
      const month = 1 + Math.floor(random() * 12);
      return [
        `## 第${paragraph + 1}節 ${topic}${pick(ACTIONS)}`,
        `${code}號公告：學生應於${month}月${day}日前向${pick(OFFICES)}${pick(ACTIONS)}${topic}，逾期不予受理。`,
        `相關費用為新臺幣${(Math.floor(random() * 90) + 10) * 100}元，可於線上系統${pick(ACTIONS)}。`,
        `Students must complete ${english} step ${paragraph + 1} for notice ${code} by ${month}/${day}.`,
      ].join("\n\n");
    });
    return {
      docId: `generated/${code.toLowerCase()}.md`,
      title: `${topic}公告 ${code}`,
      text: `# ${topic}公告 ${code}\n\n${paragraphs.join("\n\n")}`,
      question: `${code}號公告的${topic}要在什麼時候前${pick(ACTIONS)}?`,
    };
  });
}
