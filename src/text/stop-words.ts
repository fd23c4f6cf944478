import { eng } from "stopword";
import { normalizeForMatching } from "./normalize.js";

/**
 * English function words: the `stopword` package's list, plus the question words, auxiliaries,
 * indefinite pronouns, contractions in pieces ("don't" → "don", "t") or without their apostrophe
 * ("whats"), and courtesies that questions are full of.
 */
export const englishStopWords: ReadonlySet<string> = new Set([
  ...eng,
  ..."does doing done when why whom whose will shall".split(" "),
  // The package lists "we" and "our" but not "us" ("contact us"), which US, lower-cased, would match.
  "us",
  ..."something anything someone anyone somebody anybody".split(" "),
  ..."don doesn didn isn aren wasn weren won couldn wouldn shouldn t s ll ve re m d".split(" "),
  // Contractions typed without their apostrophe, as questions in a chat box often are.
  ..."whats hows wheres whos whens whys thats theres heres im ive youre youve theyre dont doesnt didnt isnt arent wasnt werent cant couldnt wouldnt shouldnt wont hasnt havent".split(
    " ",
  ),
  // Courtesies in messages to staff.
  ..."hi hello dear please thanks thank regards".split(" "),
  // Function words the package lacks: pronouns, determiners and adverbs that say nothing of a topic
  // ("for a home I live in myself", "is it even possible").
  ..."myself yourself himself herself itself ourselves yourselves themselves mine yours hers ours theirs she its".split(
    " ",
  ),
  ..."whether so just really even ever every either neither quite rather maybe perhaps also too".split(" "),
  // Forms the package lists only in part: it has "get" and "got", not "gets"; "before", not "until".
  ..."gets getting gotten until till til".split(" "),
  // How people type in a chat box.
  ..."u ur ya pls plz thx hey ok okay gonna wanna kinda sorta guys".split(" "),
]);

/**
 * Chinese function and question words, normalised like the text they are compared with. They carry
 * no topic, so leaving them out keeps questions like "什麼時候可以…" from matching every document.
 */
export const chineseStopWords: ReadonlySet<string> = new Set(
  [
    "的 了 嗎 呢 吧 啊 喔 哦 嘛 呀 啦 是 在 和 與 及 或 也 就 都 還 又 而 把 被 讓 給 對 從 向 到 於 之 其",
    "我 你 妳 您 他 她 它 我們 你們 他們 這 那 這個 那個 這樣 那樣 我家 我們家 我爸 我媽 我哥 我姐 我姊 我弟 我妹",
    "什麼 甚麼 怎麼 怎樣 如何 哪 哪裡 哪些 哪個 多少 幾 誰 為什麼 什麼時候 請問 是否 是不是 有沒有",
    "可不可以 能不能 可以 能 一下 想 要 會 有 個 請 每個",
    // Adverbs and conjunctions of speech, which say how something is asked, not what about: jieba's
    // general-language table, read from news, counts some of them (順便) as topical as 宿舍.
    "順便 其實 到底 然後 就是 已經 可能 應該 一定 真的 大概 好像 剛剛 還是 比較 有點 一直 還有 另外 而且 但是 可是 因為 所以 如果 的話 自己 直接",
    // Courtesies in messages to staff: "您好，想請問…謝謝！"
    "您好 你好 謝謝 感謝 麻煩 不好意思 打擾",
  ]
    .join(" ")
    .split(" ")
    .map(normalizeForMatching),
);
