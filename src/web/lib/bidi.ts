/**
 * A value set inside a translated sentence in its own direction: an e-mail address in an Arabic
 * sentence otherwise takes the sentence's punctuation and neighbouring words with it
 * (« .validator@example.orgلـ »). First-strong isolate … pop directional isolate, as <bdi> does.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
