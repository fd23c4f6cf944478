/** The chat page's words in its two languages; the page picks one from the browser and can switch. */
export const CHAT_TEXT = {
  "zh-Hant": {
    title: "校園問答小幫手",
    intro: "問我選課、轉系、學分抵免、宿舍、學雜費等規定。我只根據學校公告的文件回答，並附上出處。",
    questionLabel: "你的問題",
    placeholder: "例如：加退選截止是什麼時候？",
    ask: "送出",
    asking: "查詢中…",
    suggestions: "常見問題",
    sources: "出處",
    page: "第 {page} 頁",
    helpful: "這個回答有幫助嗎？",
    up: "有幫助",
    down: "沒有幫助",
    commentLabel: "想補充什麼嗎？（選填）",
    sendFeedback: "送出意見",
    thanks: "謝謝你的回饋！",
    commentAdded: "已收到你的補充，謝謝！",
    notCovered: "文件沒有涵蓋這個問題。要請真人協助嗎？",
    talkToPerson: "找真人協助",
    talkToPersonNow: "現在就找真人談談",
    choices: "您可能想問的主題",
    relatedTopics: "文件中可能相關的主題",
    handoffTitle: "請真人協助",
    nameLabel: "姓名（選填）",
    contactLabel: "聯絡方式：Email 或電話（選填）",
    messageLabel: "想詢問的內容",
    sendHandoff: "送出",
    handoffSent: "已轉交承辦人員，案件編號 {id}。",
    handoffReply: "承辦人員會依你留下的聯絡方式（{contact}）回覆你。",
    handoffNoReply:
      "你沒有留下聯絡方式，承辦人員會看到你的問題，但無法回覆你；需要回覆的話，請再送一次並留下 Email 或電話。",
    handoffEmpty: "請寫下想詢問的內容，或留下聯絡方式，承辦人員才能協助你。",
    error: "發生錯誤：",
    tooManyQuestions: "問題有點多，請稍等一下（約 {seconds} 秒）再問。",
    tooManyRequests: "這個網路送出的轉介或回饋太多了，請約 {seconds} 秒後再送一次；你寫的內容還在表單裡。",
    switchLanguage: "English",
    newConversation: "新對話",
    closed: "這個問答頁面沒有開放：本服務的回答需要 API 金鑰。",
    closedForOperators: "管理者：要開放問答頁面給所有人，請設定 REQUIRE_API_KEY_FOR_ANSWERS=false。",
    unknownCollection: "這個問答頁面設定的主題「{collection}」不存在，所以無法回答。",
    unknownCollectionForOperators:
      "管理者：現有的主題是 {collections}；請檢查連結的 collection 參數，或 widget 的 data-collection。",
  },
  en: {
    title: "Campus help desk",
    intro:
      "Ask about course registration, changing majors, credit transfer, housing, tuition and more. I answer only from the university's published documents, with the source.",
    questionLabel: "Your question",
    placeholder: "e.g. When is the add/drop deadline?",
    ask: "Ask",
    asking: "Looking it up…",
    suggestions: "Common questions",
    sources: "Sources",
    page: "page {page}",
    helpful: "Did this answer help?",
    up: "Helpful",
    down: "Not helpful",
    commentLabel: "Anything to add? (optional)",
    sendFeedback: "Send feedback",
    thanks: "Thank you for the feedback!",
    commentAdded: "Your comment was added. Thank you!",
    notCovered: "The documents do not cover this. Would you like a person to help?",
    talkToPerson: "Talk to a person",
    talkToPersonNow: "Talk to a person now",
    choices: "Topics you may mean",
    relatedTopics: "Related topics in the documents",
    handoffTitle: "Ask a person",
    nameLabel: "Name (optional)",
    contactLabel: "E-mail or phone (optional)",
    messageLabel: "What do you need help with?",
    sendHandoff: "Send",
    handoffSent: "Sent to our staff. Your ticket number is {id}.",
    handoffReply: "A staff member will reply to the contact you gave ({contact}).",
    handoffNoReply:
      "You left no contact, so staff will see your request but cannot reply to you; to get a reply, send it again with an e-mail or phone number.",
    handoffEmpty: "Write what you need help with, or leave a way to reach you, so that a person can help.",
    error: "Something went wrong: ",
    tooManyQuestions: "Too many questions in a short time: please wait a moment (about {seconds} s) and ask again.",
    tooManyRequests:
      "Too many requests from this network just now: please send it again in about {seconds} s; what you wrote is still in the form.",
    switchLanguage: "中文",
    newConversation: "New conversation",
    closed: "This chat page is not open: answers on this service need an API key.",
    closedForOperators: "Operators: to open the chat page to everyone, set REQUIRE_API_KEY_FOR_ANSWERS=false.",
    unknownCollection:
      "This chat page is set up for the collection “{collection}”, which does not exist, so it cannot answer.",
    unknownCollectionForOperators:
      "Operators: the collections are {collections}; check the link's collection parameter, or the widget's data-collection.",
  },
} as const;

export type ChatLanguage = keyof typeof CHAT_TEXT;

/** The words the page hands its script, in the page's language. */
export type ChatText = (typeof CHAT_TEXT)[ChatLanguage];

/** The settings the page hands its script. */
export type ChatConfig = { collection: string | null };

/** Ids of the JSON script elements that carry ChatText and ChatConfig from the page to its script. */
export const CHAT_TEXT_ELEMENT_ID = "chat-text";
export const CHAT_CONFIG_ELEMENT_ID = "chat-config";
