/**
 * Whether a question is about the person asking (their loans, their fees) rather than the rules for
 * everyone: language-general words of Chinese and English, not any deployment's.
 */

/** `我` but not `我們` (we, our school); "I", "my", "me". */
const ASKER_ZH = /我/u;
const ASKER_EN = /\b(?:i|i'm|i've|my|mine|me|myself)\b/i;
/**
 * Where "I" stands for anyone: 我們 (we), "can I", "how do I", 我可以, 我要怎麼, 我想知道. "我可以借幾本書？"
 * asks the rule, not the asker's record; "我借的書", "my loans", "have I paid" ask the record.
 */
const ANYONE_ZH =
  /我[們们]|我(?:可以|可不可以|能不能|能|該|應該|应该|需要|要怎麼|要怎么|要如何|怎麼|怎么|如何)|我(?:想|要)(?:知道|問|问|請問|请问|了解|申請|申请|辦|办)/gu;
/** "我朋友借的書", "my roommate's loans": someone else's record, which no action reads. */
const SOMEONE_ELSE_ZH =
  /我(?:的)?(?:朋友|同學|同学|室友|男友|女友|男朋友|女朋友|家人|媽媽|妈妈|爸爸|父母|弟弟|妹妹|哥哥|姊姊|姐姐|學長|学长|學姐|学姐|學弟|学弟|學妹|学妹|同事|老師|老师|孩子|小孩|兒子|儿子|女兒|女儿)/u;
const SOMEONE_ELSE_EN =
  /\bmy\s+(?:friend|roommate|classmate|mom|mother|dad|father|parent|brother|sister|son|daughter|kid|child|colleague|partner|girlfriend|boyfriend)s?(?:'s|s')?\b/i;
const ANYONE_EN =
  /\b(?:can|could|may|should|must)\s+i\b|\bhow\s+(?:do|can|should|would|could)\s+i\b|\bdo\s+i\s+need\b|\bi\s+(?:want|would like|'d like|need)\s+to\s+(?:know|ask|apply)\b/gi;

/** Whether a question is about the person asking: their loans, their fees, not the rules for everyone. */
export function asksAboutTheAsker(question: string): boolean {
  if (SOMEONE_ELSE_ZH.test(question) || SOMEONE_ELSE_EN.test(question)) return false;
  return ASKER_ZH.test(question.replace(ANYONE_ZH, " ")) || ASKER_EN.test(question.replace(ANYONE_EN, " "));
}
