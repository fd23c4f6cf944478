/** Kinds of line in extracted text, which chunking and answer composition both respect. */

/**
 * A line ending in a colon introduces what follows ("應符合下列條件之一："), and so does one that
 * says so ("開放時間如下表。", "詳見下表", "The fees are as follows.", "listed below."), also before a
 * note in brackets ("收費如下（單位：新臺幣元）。").
 */
export const INTRODUCES_WHAT_FOLLOWS =
  /(?:[:：]|(?:如下(?:表|列|圖)?|[見詳]下表|下列各項|as follows|(?:listed|shown|set out) below)(?:\s*[（(][^（()）]{1,30}[)）])?[。.]?)$/iu;
/**
 * The numbers in brackets of Taiwanese notices, written with no space after (「（一）」, "(2)"): not a
 * telephone's area code ("(02) 2345-6789", "(02)-2345-6789"), though a Chinese numeral may be
 * followed by a date (「（一）112年1月1日起」).
 */
const BRACKETED_NUMBER = "[（(](?:[一二三四五六七八九十]{1,3}|\\d{1,2}(?![)）][\\s-]*\\d))[)）]\\s*";
/**
 * A list item as parsers and authors write it: "- ", "• ", "‧ " (a bullet of Taiwanese notices), "● ",
 * "1. ", and the numbers in brackets of Taiwanese notices (BRACKETED_NUMBER).
 */
export const LIST_ITEM = new RegExp(`^(?:(?:[-•*‧・●○■□◆▪►]|\\d{1,2}[.)])\\s+|${BRACKETED_NUMBER})`);
/** A numbered list item, a step of a procedure: "1. ", "2) ", 「（一）」. */
export const NUMBERED_LIST_ITEM = new RegExp(`^(?:\\d{1,2}[.)]\\s+|${BRACKETED_NUMBER})`);
/** A line that ends a sentence, or introduces what follows, and so may run on into the next one. */
export const ENDS_A_SENTENCE = /[。！？.!?；;：:]$/u;
/**
 * A line that sends the reader elsewhere for what it is about (「國際包裹的賠償上限另見國際寄件說明」,
 * "see the move-out page"), not to the table, list or section that follows (詳見下表, "see below"),
 * nor in a courtesy (敬請見諒). Written in both scripts: lines are read as written.
 */
export const REFERS_ELSEWHERE =
  /(?:另[見见]|另[詳详]|(?<!敬)[請请][見见]|[詳详][見见]|[請请][參参]考|[請请][參参][閱阅]|[參参][見见]|[參参][閱阅])(?!下[表列]|如下|以下|本[表頁页]|附表)|另行?(?:[規规]定|[訂订]定?之|公告)|\b(?:see|refer to)\b (?:the |our )?(?:["“]?[\w-]+["”]? ){0,3}(?:page|section|guide|policy|leaflet|website)s?\b(?! below)|\b(?:described|listed|found|explained) (?:on|in) (?:the |our )(?:["“]?[\w-]+["”]? ){0,3}(?:page|section|guide|policy|leaflet|website)s?\b/iu;
