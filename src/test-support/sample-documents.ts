/** Small registrar documents of our own, shared by the tests that need a corpus to ask. */

/** The add/drop deadlines, one sentence each for undergraduates and graduate students. */
export const ADD_DROP_DEADLINES = `---
title: 加退選辦法
collection: registrar
---
# 加退選辦法

## 期限

大學部學生之加退選期限為開學後第二週週五下午五點。研究生之加退選期限為開學後第三週週五。
`;

/** An English document, with its web address. */
export const CHANGE_OF_MAJOR = `---
title: Change of major
url: https://www.lakeside.example.edu/registrar/change-of-major
collection: registrar
lang: en
---
# Change of major

Undergraduates may apply to change their major after completing their first year of study.
Applications are accepted from March 1 to March 15 each year through the student portal.
`;
