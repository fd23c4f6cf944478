/**
 * Words both readings of a message use (the sentence patterns of detect-safety-concern and the signs
 * of warning-signs), kept in one place so that the two read a case supposed, a drill or a consent
 * alike. In Traditional characters, folded with the patterns they are written into.
 */

/** Told as over and well: everyone safe, the fire out, the staff thanked for how they handled it. */
export const RESOLVED_ZH =
  "(?:人都平安|都平安了?|後來(?:就)?沒事了?(?![^]*(?:現在|又|但|可是|還是))|沒有人受傷|無人受傷|已經撲滅|已撲滅|處理得很好|想表揚|要表揚|感謝(?:司機|你們|您|站務|員工|護理師)|已經沒事|已無大礙|已經出院)";
/** A drill, a script or a story, not a body in front of the writer. */
export const NOT_REAL_ZH = "(?:演習|演練|腳本|劇本|劇情|小說|故事|電影(?!院)|模擬(?!考)|扮演|假裝)";
/** A case supposed, not one happening: 「如果有人倒下」, 「萬一有乘客昏倒」. */
export const IF_ZH = "(?:如果|萬一|假如|假設|要是|若是?|假使)";
/** An ex-partner, whose comings and goings someone may want to watch. */
export const EX_PARTNER_ZH = "(?:前夫|前妻|前男友|前女友|前任)";
/** Consent given for someone's records: their signed consent, an authorisation, a power of attorney. */
export const CONSENT_ZH = "(?:同意|授權|委託)";
