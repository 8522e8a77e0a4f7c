import { describe, expect, it } from 'vitest';
import {
  attachDetachedMarks,
  fixMarks,
  lettersLookVisual,
  lineDirection,
  marksBeforeLetters,
  marksFollowLetters,
  normalizePresentationForms,
  removeTatweel,
  repairArabic,
  repairLamAlef,
  stripBidiControls,
  visualToLogical,
} from '../../src/documents/arabic-repair.js';

/** Code points, to see marks and invisible characters in failures. */
const hex = (text: string): string[] => [...text].map((c) => c.codePointAt(0)?.toString(16) ?? '');

describe('repairs of Arabic text in logical order', () => {
  it('turns presentation forms into letters, and only those', () => {
    // « العربية » in isolated/initial/medial/final forms, as some PDFs map their glyphs.
    expect(normalizePresentationForms('ﺍﻟﻌﺮﺑﻴﺔ')).toBe('العربية');
    expect(normalizePresentationForms('ﻻ ﷲ')).toBe('لا الله');
    // Other compatibility characters stay: NFKC applies to presentation forms only.
    expect(normalizePresentationForms('ﬁn ２０２０ ½')).toBe('ﬁn ２０２０ ½');
    expect(normalizePresentationForms('\uFEFFنص')).toBe('نص');
  });

  it('drops bidi control marks', () => {
    expect(stripBidiControls('\u202Bتونس\u202C\u200F: \u202A2020\u202C \u2067نص\u2069\u200E\u061C')).toBe(
      'تونس: 2020 نص',
    );
  });

  it('puts back lam-alef ligatures read with their letters swapped', () => {
    expect(repairLamAlef('االستعراض')).toBe('الاستعراض');
    expect(repairLamAlef('باالتفاق إال أال')).toBe('بالاتفاق إلا ألا');
    // The article before a swapped « لإ », « لأ », « لآ »; a fathatan left on the lam (issue 16).
    expect(repairLamAlef('اإلقليمي األمم اآللية')).toBe('الإقليمي الأمم الآلية');
    expect(repairLamAlef('أوالً - أسئلة')).toBe('أولاً - أسئلة');
    // Where no letter shows the swap, nothing is changed: « قال », « إلى », « خال », « مالاً ».
    expect(repairLamAlef('قال إلى خال مالاً')).toBe('قال إلى خال مالاً');
    // A well-formed « ال » or « لا » is left alone.
    expect(repairLamAlef('الاستعراض لا السلام')).toBe('الاستعراض لا السلام');
  });

  it('puts a mark that a space separated from its letter back on it', () => {
    expect(hex(attachDetachedMarks('مسؤولا ً عن'))).toEqual(hex('مسؤولاً عن'));
    expect(attachDetachedMarks('ضم ّت')).toBe('ضمّت');
    expect(fixMarks('ُأنشئت')).toBe('أُنشئت');
  });

  it('drops the tatweels that stretched words to justify a line', () => {
    expect(removeTatweel('الاستعـــراض الوطنـي')).toBe('الاستعراض الوطني');
    expect(removeTatweel('ـ')).toBe('ـ');
  });

  it('keeps a tatweel typed before a digit, a Latin word or a bracket (issue 16)', () => {
    expect(removeTatweel('بـ٧ لغات وبـOIM هـ)')).toBe('بـ٧ لغات وبـOIM هـ)');
  });

  it('does all of it at once', () => {
    expect(repairArabic('\u202Bﺍﻻﺳﺘﻌﺮﺍﺽ\u202C االتفاق')).toBe('الاستعراض الاتفاق');
  });
});

describe('visual order → logical order', () => {
  it('reads an Arabic line from right to left', () => {
    expect(visualToLogical('ةيبرعلا ةغللا', 'rtl')).toBe('اللغة العربية');
    expect(visualToLogical('؟ضارعتسالا نع ًالوؤسم', 'rtl')).toBe('مسؤولاً عن الاستعراض؟');
  });

  it('keeps numbers and Latin words left to right inside', () => {
    expect(visualToLogical('2020 ةنس يف', 'rtl')).toBe('في سنة 2020');
    expect(visualToLogical('.2020', 'rtl')).toBe('2020.');
    expect(visualToLogical('19-ديفوك', 'rtl')).toBe('كوفيد-19');
    expect(visualToLogical('IOM ةمظنم', 'rtl')).toBe('منظمة IOM');
    expect(visualToLogical('Global Compact for Migration قافتالا', 'rtl')).toBe('الاتفاق Global Compact for Migration');
    expect(visualToLogical('١٣٣٬٢٧٤ غلب', 'rtl')).toBe('بلغ ١٣٣٬٢٧٤');
    expect(visualToLogical('٩٠٪ وحن', 'rtl')).toBe('نحو ٪٩٠');
    expect(visualToLogical('2021 - 2018 نم', 'rtl')).toBe('من 2018 - 2021');
    expect(visualToLogical('%20 وحن', 'rtl')).toBe('نحو 20%');
    // Brackets come as their characters, not as the mirrored glyphs: no swapping.
    expect(visualToLogical('يف )ندملا سلاجمو تايدلبلا لثم(', 'rtl')).toBe('(مثل البلديات ومجالس المدن) في');
    expect(visualToLogical('وأ/و', 'rtl')).toBe('و/أو');
  });

  it('reads the words of issue 16 as LibreOffice’s PDFs draw them (lam-alef, tanween, hamza)', () => {
    // pdftotext's words from test/fixtures/documents/ar-paragraphs.pdf, left to right.
    expect(visualToLogical('ةلئسأ - ًالوأ', 'rtl')).toBe('أولاً - أسئلة');
    expect(visualToLogical('يميلقإلا', 'rtl')).toBe('الإقليمي');
    expect(visualToLogical('قافتالل', 'rtl')).toBe('للاتفاق');
    expect(visualToLogical(':لالخ', 'rtl')).toBe('خلال:');
  });

  it('keeps a number grouped by a space in order, and a typed tatweel before a digit', () => {
    // « 4 500 » is drawn « 500 4 »: two numbers for the bidi algorithm, laid right to left.
    expect(visualToLogical('نم رجاهم 500 4 دافتسا', 'rtl')).toBe('استفاد 4 500 مهاجر من');
    expect(visualToLogical('،تاغل ٧ـب ةيرادإلا', 'rtl')).toBe('الإدارية بـ٧ لغات،');
  });

  it('puts a range of years drawn backwards in order (its dash typed in an Arabic run)', () => {
    expect(visualToLogical('وحنب 2025-2021 ةرتفلا', 'rtl')).toBe('الفترة 2021-2025 بنحو');
    // A range drawn in order (its dash left to right), or numbers that are not years, stay as drawn.
    expect(visualToLogical('2021-2018 نم', 'rtl')).toBe('من 2018-2021');
    expect(visualToLogical('2018-2021 نم', 'rtl')).toBe('من 2018-2021');
    expect(visualToLogical('5-10 نم', 'rtl')).toBe('من 5-10');
  });

  it('puts marks after their letter, whichever side pdftotext put them', () => {
    // pdftotext gives « ًالوؤسم » (mark before its letter, the exact reverse) but « تئشنأُ ».
    expect(visualToLogical('ًالوؤسم', 'rtl')).toBe('مسؤولاً');
    expect(visualToLogical('تئشنأُ', 'rtl')).toBe('أُنشئت');
    expect(visualToLogical('تّمض', 'rtl')).toBe('ضمّت');
  });

  it('expands a lam-alef ligature after reversing, so its letters stay in order', () => {
    // « الاستعراض » drawn left to right with one glyph ﻻ for its lam-alef.
    expect(visualToLogical('ضارعتسﻻا', 'rtl')).toBe('الاستعراض');
    expect(visualToLogical('ﺔﻴﺑﺮﻌﻟﺍ', 'rtl')).toBe('العربية');
  });

  it('in a left-to-right line, reverses only the Arabic runs', () => {
    expect(visualToLogical('the word ضارعتسالا means review', 'ltr')).toBe('the word الاستعراض means review');
    expect(visualToLogical('see ةيبرعلا ةغللا here', 'ltr')).toBe('see اللغة العربية here');
    expect(visualToLogical('Covid-19 and 2020', 'ltr')).toBe('Covid-19 and 2020');
  });

  it('keeps accents on Latin letters in an Arabic line', () => {
    const decomposed = 'e\u0301te\u0301'; // « été » with combining accents
    expect(visualToLogical(`${decomposed} فيص`, 'rtl')).toBe(`صيف ${decomposed}`);
  });

  it('leaves bidi marks out', () => {
    expect(visualToLogical('\u200Fةغللا\u200F', 'rtl')).toBe('اللغة');
  });
});

describe('guessing directions', () => {
  it('tells right-to-left lines', () => {
    expect(lineDirection('اللغة العربية 2020')).toBe('rtl');
    expect(lineDirection('The review of 2020 (المراجعة)')).toBe('ltr');
    expect(lineDirection('2020. — 15 %')).toBeNull();
  });

  it('tells when Arabic words come with their letters in visual order', () => {
    expect(lettersLookVisual(['ةيبرعلا', 'ةغللا', 'ضارعتسالا', 'يف'])).toBe(true);
    expect(lettersLookVisual(['العربية', 'اللغة', 'الاستعراض', 'في'])).toBe(false);
    expect(lettersLookVisual(['English', 'words'])).toBe(false);
  });
});

describe('where marks stand in visual order', () => {
  // « ضمّت » and « وفّر », as Chromium's PDFs give them (mark after its letter; pdftotext also
  // splits the word before the cluster) and as LibreOffice's do (mark before its letter).
  const chromium = ['ت', 'مّض', 'ر', 'فّو', 'اًرجاهم'];
  const office = ['تّمض', 'رّفو', 'ًارجاهم'];

  it('tells Chromium’s order from LibreOffice’s, and LibreOffice’s when there is no sign', () => {
    expect(marksFollowLetters(chromium)).toBe(true);
    expect(marksFollowLetters(office)).toBe(false);
    expect(marksFollowLetters(['ةيبرعلا', 'ةغللا'])).toBe(false);
  });

  it('puts Chromium’s marks before their letter, so that reading back gives the logical word', () => {
    expect(marksBeforeLetters('مّض')).toBe('ّمض');
    expect(visualToLogical(marksBeforeLetters('رفّو'), 'rtl')).toBe('وفّر');
    expect(visualToLogical(marksBeforeLetters('اًرجاهم'), 'rtl')).toBe('مهاجراً');
    expect(visualToLogical(marksBeforeLetters('دٍّحت'), 'rtl')).toBe('تحدٍّ');
  });
});
