import { describe, expect, it } from 'vitest';
import { gradeText } from './index';
import { loadContent } from './load-content';

const content = loadContent(process.cwd());

function grade(questionId: string, text: string) {
  const q = content.questions.get(questionId);
  const r = content.rubrics.get(questionId);
  if (!q || !r) throw new Error(`no text question ${questionId}`);
  return gradeText(q, r, { text }, content.article);
}

function scores(questionId: string, text: string): Record<string, number> {
  return Object.fromEntries((grade(questionId, text).criteria ?? []).map((c) => [c.id, c.score]));
}

/** [question, criterion, an answer that meets it, an answer that does not]. */
const perCriterion: [string, string, string, string][] = [
  ['single-source', 'names-source', 'Islam Tekushev and his study.', 'The author of the article.'],
  ['single-source', 'reason', 'One person could be biased and nobody has confirmed it.', 'Because you should always get more information.'],
  ['radical-website', 'reasons', 'It belongs to the radicals, so it may be propaganda.', 'The website is about cells in Kazakhstan.'],
  ['direct-quote', 'exact-words', "They are Tekushev's exact words.", 'The quotation marks show it is important.'],
  ['direct-quote', 'paraphrase', 'The other sentence is the writer summarising in his own words.', 'The other sentence is about groups.'],
  ['unclear-conclusion', 'judgment', "It isn't clear; it could be the writer's own view.", "It's Tekushev's, the article is about him."],
  ['unclear-conclusion', 'evidence', "The paragraph never says 'Tekushev says', unlike earlier ones.", 'It uses the word likely.'],
  ['understates', 'no-evidence', 'The article gives no evidence for that.', 'The evidence is that 200 is a lot.'],
  ['understates', 'lower-bound', 'More than 200 means at least 200, it could be far more.', 'It means there are 200 radicals.'],
  ['youth-unemployment', 'source', 'Tekushev says it.', 'The Kazakhstani officials said it.'],
  ['youth-unemployment', 'estimate', "It's an estimate, not an exact figure.", "It's exact."],
  ['youth-unemployment', 'check', 'Compare it with World Bank or ILO statistics.', 'You could google it.'],
  ['dozens', 'why-vague', "Maybe they didn't know the exact number.", "Because he doesn't care about the victims."],
  ['dozens', 'where', 'In police reports or the Global Terrorism Database.', 'On the internet.'],
  ['funding-evidence', 'no-figures', 'There are no exact figures on the money.', 'Al-Qaeda gives them money.'],
  ['funding-evidence', 'judgment', "It only 'does not appear to be declining', which is his impression.", 'Al-Qaeda gives them money.'],
  ['headline-vs-body', 'body-says', 'The cells are small and only weakly connected.', 'The cells are one big organised network.'],
  ['headline-vs-body', 'overstates', 'So the headline exaggerates how unified they are.', 'The headline is about Kazakhstan.'],
  ['questions-before-trusting', 'questions', 'What evidence did Tekushev use? Do other experts agree?', 'I would check the sources.'],
];

describe('every criterion of every text question', () => {
  for (const [qid, cid, yes, no] of perCriterion) {
    it(`${qid} / ${cid}: met`, () => expect(scores(qid, yes)[cid]).toBeGreaterThan(0));
    it(`${qid} / ${cid}: not met`, () => expect(scores(qid, no)[cid]).toBe(0));
  }
  it('covers every text criterion of the exercise', () => {
    const covered = new Set(perCriterion.map(([q, c]) => `${q}/${c}`));
    for (const q of content.questions.values())
      for (const c of q.criteria) expect(covered.has(`${q.id}/${c.id}`), `${q.id}/${c.id}`).toBe(true);
  });
});

describe('meaning, not strings', () => {
  it('credits paraphrase', () => {
    expect(scores('single-source', "It's Tekushev. You can't double check one guy.").reason).toBe(1);
  });
  it.each(['tekashev', 'Tekushuv', 'Tekusev', 'TEKUSHEV'])('credits the misspelling %s', (name) => {
    expect(scores('single-source', `${name}'s study, and he might be biased.`)['names-source']).toBe(1);
  });
  it('credits inflections', () => {
    expect(scores('single-source', 'Tekushev. His claims were never confirmed by anybody.').reason).toBe(1);
  });
  it('respects negation: "not from Tekushev" earns no source point', () => {
    const r = scores('single-source', "It's NOT from Tekushev, it's from officials.");
    expect(r['names-source']).toBe(0);
    expect(scores('youth-unemployment', "It's not Tekushev, the officials said it.").source).toBe(0);
  });
  it('"the writer" is not Tekushev', () => {
    expect(scores('single-source', 'The writer, who could be biased.')['names-source']).toBe(0);
  });
  it('"officials said it" earns no source point, "it\'s exact" no estimate point', () => {
    const r = scores('youth-unemployment', 'The officials said it and it is exact.');
    expect(r.source).toBe(0);
    expect(r.estimate).toBe(0);
  });
  it('no-evidence is met only by evidence NEGATED', () => {
    expect(scores('understates', "They don't give any proof.")['no-evidence']).toBe(1);
    expect(scores('understates', 'They give proof: the seven attacks.')['no-evidence']).toBe(0);
  });
  it('counts distinct reason kinds once each (radical-website)', () => {
    expect(scores('radical-website', 'It could be biased. Also they might be making it up to scare people.').reasons).toBe(1);
    expect(scores('radical-website', 'It is run by the radicals, so they might lie, and it was two years ago.').reasons).toBe(2);
  });
  it('counts distinct real questions only', () => {
    expect(scores('questions-before-trusting', 'What evidence is there? What proof is there?').questions).toBe(1);
    expect(scores('questions-before-trusting', 'Where is Kazakhstan? I would check other sources.').questions).toBe(0);
    expect(scores('questions-before-trusting', 'Who paid for the study? Has anyone else confirmed it?').questions).toBe(2);
  });
});

describe('off-topic and generic prose earns nothing', () => {
  it('"interesting ... in" is not "an interest in"; "paid attention to" is not "paid to"', () => {
    expect(scores('single-source', 'Tekushev. The article has many interesting facts about groups in the region.').reason).toBe(0);
    expect(scores('single-source', 'Tekushev. We should pay attention to it.').reason).toBe(0);
    expect(scores('single-source', 'Tekushev. He has an interest in making it look worse.').reason).toBe(1);
  });
  it('retelling the article, or the student\'s own opinion, is graded 0 without a flag', () => {
    for (const [qid, text] of [
      ['dozens', 'The terrorists want to kill as many people as possible to spread fear.'],
      ['funding-evidence', 'I think the money comes from rich people in other countries who believe in jihad.'],
      ['headline-vs-body', 'The jihadists want to create an Islamic state in Central Asia and they are getting stronger.'],
      ['radical-website', 'Two reasons are that terrorism is bad and that the groups in Kazakhstan are growing.'],
      ['questions-before-trusting', 'What is the capital of Kazakhstan? How many people live there?'],
    ] as const) {
      const r = grade(qid, text);
      expect(r.score, text).toBe(0);
      expect(r.needsReview, text).toBe(false);
    }
  });
  it('a general distrust of the internet is not a reason about this website', () => {
    expect(scores('radical-website', 'Websites are not always reliable and anyone can post anything on the internet.').reasons).toBe(0);
    expect(scores('radical-website', 'The site is run by the radicals themselves, and we are not told who wrote it.').reasons).toBe(2);
  });
});

describe('grammatical variants', () => {
  it('"didn\'t no" is "didn\'t know"', () => {
    expect(scores('dozens', 'Tekushev didnt no the exact number.')['why-vague']).toBe(1);
  });
  it('indirect questions ("I would want to know if ...") count; "I want to know ..." is for a teacher', () => {
    const r = grade('questions-before-trusting', 'I would want to know if Tekushev went to Kazakhstan himself. I would also want to know whether other experts agree.');
    expect(r).toMatchObject({ score: 2, needsReview: false });
    expect(grade('questions-before-trusting', 'I want to know who funded the study.')).toMatchObject({ score: 0, needsReview: true });
  });
});

describe('review flags', () => {
  it('keyword list: no reasoning credit, flagged, told to write sentences', () => {
    const r = grade('single-source', 'Tekushev, bias, confirm, second source');
    expect(r.criteria?.map((c) => c.score)).toEqual([1, 0]);
    expect(r.needsReview).toBe(true);
    expect(r.reviewReasons).toContain('keyword-list');
    expect(r.feedback).toContain('Write your answer in sentences: say what you mean, not just keywords.');
  });
  it('contradiction: the same concept asserted and negated', () => {
    const r = grade('youth-unemployment', "Tekushev says it. It's not from Tekushev.");
    expect(r.needsReview).toBe(true);
    expect(r.reviewReasons).toContain('contradiction');
  });
  it('contradiction: exact and estimate both claimed', () => {
    expect(grade('youth-unemployment', 'Tekushev. It is exact. It is an estimate.').reviewReasons).toContain('contradiction');
  });
  it('self-correction is flagged', () => {
    expect(grade('single-source', "It's Tekushev. Actually no, it's the writer.").reviewReasons).toContain('contradiction');
  });
  it('not English', () => {
    const r = grade('single-source', 'La fuente es Islam Tekushev porque una sola persona puede equivocarse.');
    expect(r.reviewReasons).toContain('not-english');
    expect(grade('single-source', 'المصدر هو تيكوشيف لأنه شخص واحد').reviewReasons).toContain('not-english');
  });
  it('misquote with the article\'s real words', () => {
    const r = grade('funding-evidence', 'It says "there are no exact numbers on the extent of financial assistance", so nobody knows.');
    expect(r.reviewReasons).toContain('misquote');
    expect(r.feedback.join(' ')).toMatch(/the article's words are "there are no exact figures on the extent of financial assistance/);
  });
  it('a correct quotation is fine', () => {
    const r = grade('funding-evidence', 'It says "there are no exact figures on the extent of financial assistance", and it only "does not appear to be declining".');
    expect(r.reviewReasons).not.toContain('misquote');
    expect(r.score).toBe(2);
  });
  it('a substantive answer that earns nothing is flagged; a short wrong one is not', () => {
    expect(grade('dozens', 'Because the writer is sad about the people who died in the attacks.').reviewReasons).toEqual(['unmatched-substantive']);
    expect(grade('dozens', 'No idea.').needsReview).toBe(false);
  });
  it('a plain right answer is not flagged', () => {
    const r = grade('understates', "They don't give any proof that it understates it. More than 200 just means at least 200.");
    expect(r.score).toBe(2);
    expect(r.needsReview).toBe(false);
    expect(r.reviewReasons).toEqual([]);
  });
});

describe('result shape', () => {
  it('criteria in exercise order with labels, feedback and evidence spans inside the answer', () => {
    const text = "Islam Tekushev's study. You'd want another source because nobody has confirmed it.";
    const r = grade('single-source', text);
    expect(r.questionId).toBe('single-source');
    expect(r.maxScore).toBe(2);
    expect(r.score).toBe(2);
    expect(r.criteria?.map((c) => c.id)).toEqual(['names-source', 'reason']);
    const q = content.questions.get('single-source');
    expect(r.criteria?.[0]?.label).toBe(q?.criteria[0]?.label);
    expect(r.criteria?.[0]?.feedback).toBe(q?.criteria[0]?.met);
    for (const c of r.criteria ?? []) {
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) {
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeLessThanOrEqual(text.length);
        expect(e.end).toBeGreaterThan(e.start);
      }
    }
    expect(text.slice(r.criteria?.[0]?.evidence[0]?.start, r.criteria?.[0]?.evidence[0]?.end)).toMatch(/Tekushev/);
    expect(r.hint).toBeUndefined();
  });
  it('partial feedback for a 2-point criterion, and a hint when not full marks', () => {
    const r = grade('radical-website', 'It is from two years ago.');
    expect(r.score).toBe(1);
    expect(r.criteria?.[0]?.feedback).toBe(content.questions.get('radical-website')?.criteria[0]?.partial);
    expect(r.hint).toBe('Look at paragraph 6.');
    expect(grade('single-source', 'Tekushev.').hint).toBe('Look at paragraphs 1, 2 and 4.');
  });
  it.each(['', '   \n\t ', '😀😀😀'])('empty answer %j: score 0, clear message, not flagged', (text) => {
    const r = grade('single-source', text);
    expect(r.score).toBe(0);
    expect(r.needsReview).toBe(false);
    expect(r.feedback[0]).toMatch(/nothing to check/);
  });
  it('missing or malformed answer objects do not throw', () => {
    const q = content.questions.get('dozens');
    const rb = content.rubrics.get('dozens');
    if (!q || !rb) throw new Error('missing');
    expect(gradeText(q, rb, {} as never, content.article).score).toBe(0);
    expect(gradeText(q, rb, { text: 42 } as never, content.article).score).toBe(0);
  });
  it('grades only the first maxLength characters and says so', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `zq${(i * 7919).toString(36)}`).join(' ');
    const text = `Maybe they didn't know the exact number. ${filler}. Police reports.`;
    const r = grade('dozens', text);
    expect(r.criteria?.find((c) => c.id === 'why-vague')?.score).toBe(1);
    expect(r.criteria?.find((c) => c.id === 'where')?.score).toBe(0);
    expect(r.feedback.join(' ')).toMatch(/only the first 2000 were checked/);
  });
});

describe('never throws', () => {
  const article = content.article.body;
  const nasty = [
    '🙂'.repeat(700),
    'مرحبا بالعالم هذا نص عربي من اليمين إلى اليسار',
    'a'.repeat(2000),
    'Tekushev '.repeat(100),
    'bias '.repeat(100),
    article,
    article.slice(0, 1999) + '\ud83d',
    '"""\'\'\'“”‘’«»',
    '\u0000\u0001\u200b\u202e text \ufeff',
    '....???!!!,,,;;;',
    '1. 2. 3. ? ? ?',
    "don't can't won't isn't n't 's '",
  ];
  it.each(nasty.map((t, i) => [i, t] as const))('case %i', (_i, text) => {
    for (const qid of content.questions.keys()) {
      const r = grade(qid, text);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(r.maxScore);
      expect(r.reviewReasons).not.toContain('grader-error');
    }
  });
  it('a pasted article earns nothing and is flagged', () => {
    const r = grade('funding-evidence', article);
    expect(r.score).toBe(0);
    expect(r.reviewReasons).toContain('copied-text');
  });
  it('100 repeats of a keyword earn no reasoning credit', () => {
    const r = grade('single-source', 'bias '.repeat(100));
    expect(r.score).toBe(0);
    expect(r.needsReview).toBe(true);
  });
});

describe('quotations of the headline and caption', () => {
  const text = 'The headline says "Now Threatens Nearby States as Well" but the cells are small and only weakly connected, so it exaggerates.';
  it('are checked against the quotable text passed in (headline, caption)', () => {
    const q = content.questions.get('headline-vs-body');
    const r = content.rubrics.get('headline-vs-body');
    if (!q || !r) throw new Error('no headline-vs-body');
    const withHeadline = gradeText(q, r, { text }, content.article, { quotableText: content.quotable });
    expect(withHeadline.reviewReasons).not.toContain('misquote');
    const caption = gradeText(q, r, { text: 'The photo shows "Kazakh terrorist group Jund al-Khilafah". The cells are small.' }, content.article, {
      quotableText: content.quotable,
    });
    expect(caption.reviewReasons).not.toContain('misquote');
    // Without it, only the body counts: the headline's words are "not in the article".
    expect(gradeText(q, r, { text }, content.article).reviewReasons).toContain('misquote');
  });
  it('a made-up headline is still a misquote', () => {
    const q = content.questions.get('headline-vs-body');
    const r = content.rubrics.get('headline-vs-body');
    if (!q || !r) throw new Error('no headline-vs-body');
    const res = gradeText(q, r, { text: 'The headline says "Jihadists Control All of Central Asia" which overstates it.' }, content.article, {
      quotableText: content.quotable,
    });
    expect(res.reviewReasons).toContain('misquote');
  });
});

describe('keyword answers without separators', () => {
  it('"source estimate check" earns no reasoning credit and is flagged', () => {
    const r = grade('youth-unemployment', 'source estimate check');
    expect(r.score).toBe(0);
    expect(r.reviewReasons).toContain('keyword-list');
  });
  it('a reason aimed at Tekushev is not a reason about the website', () => {
    expect(grade('radical-website', 'Tekushev might be biased, and the study is old.').score).toBe(0);
    expect(grade('radical-website', 'The website might be biased, and it is two years old.').score).toBe(2);
  });
  it('a bare "Nope." answers the judgment question', () => {
    expect(scores('unclear-conclusion', "Nope. There's no 'he says' anywhere in it.").judgment).toBe(1);
  });
});

describe('confidence of credits (needsReview when the grade itself is doubtful)', () => {
  const reasons = (qid: string, text: string) => grade(qid, text).reviewReasons;
  it('flags one phrase earning two criteria, a denied reason, a voiding concept and a restated prompt', () => {
    expect(reasons('understates', 'The article says the exact numbers are unknown, so nobody really knows how big it is.')).toContain('shared-evidence');
    expect(reasons('dozens', "It's not because they don't know, they definitely know the exact number, they just want to hide it.")).toContain('denied-reason');
    expect(reasons('radical-website', "The website is Tekushev's Caucasus Times so he could be biased towards his own story.")).toContain('voiding-concept');
    expect(reasons('youth-unemployment', 'unemployment is approaching 90 percent among the young in western kazakhstan')).toContain('restates-prompt');
    expect(reasons('questions-before-trusting', 'Why did the Kazakhstani officials write this study? Can they be trusted?')).toContain('thin-question');
  });
  it('leaves clear answers unflagged', () => {
    for (const [qid, text] of [
      ['understates', 'The article gives no evidence for it. "More than 200" is only a minimum, the real number could be higher.'],
      ['dozens', 'The exact number may not be known. You could find exact figures in police statements.'],
      ['radical-website', "It's run by the radicals, so it may be propaganda, and it's from two years ago, so things may have changed."],
      ['questions-before-trusting', 'Where did Tekushev get his information? Do other experts agree with his study?'],
    ] as const) {
      const r = grade(qid, text);
      expect(r.needsReview, `${text}: ${r.reviewReasons.join(', ')}`).toBe(false);
    }
  });
  it('plain distrust is a reason about the website only when it is about the website', () => {
    expect(scores('radical-website', 'not trustworthy, old').reasons).toBe(1);
    expect(scores('radical-website', 'The radical website is not trustworthy. It is also two years old.').reasons).toBe(2);
  });
});
