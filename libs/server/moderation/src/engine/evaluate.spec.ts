import { aPolicy, aPost, anAuthor, secondsAgo } from '../testing/fixtures';
import { contentFingerprint } from '../matchers/fingerprint';
import type { AuthorContext } from '../policy/author-context';
import type { Content, Decision, Rule } from '../policy/policy.types';
import { compilePolicy } from './compile-policy';
import { evaluate } from './evaluate';

const decide = (rules: Rule[], content: Content | string, author: AuthorContext = anAuthor()): Decision =>
  evaluate(compilePolicy(aPolicy(rules)), typeof content === 'string' ? aPost(content) : content, author);
const actionOf = (rules: Rule[], content: Content | string, author?: AuthorContext) => decide(rules, content, author).action;

const profanity: Rule = { id: 'profanity', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Please keep it civil.', terms: [], profanity: true };
const competitors: Rule = {
  id: 'competitors',
  kind: 'BLOCKED_TERMS',
  action: 'HOLD',
  reason: 'Posts naming competitors are reviewed first.',
  note: 'Legal asked for this (2025-03).',
  terms: ['Acme', 'Globex Corporation', 'Zürich Labs'],
};

describe('evaluate: blocked terms', () => {
  it('allows clean text and matches the profanity preset', () => {
    expect(actionOf([profanity], 'Thanks, the migration guide helped a lot.')).toBe('ALLOW');
    const decision = decide([profanity], 'What the shit is this?');
    expect(decision.action).toBe('HOLD');
    expect(decision.matched[0]).toMatchObject({ ruleId: 'profanity', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Please keep it civil.' });
    expect(decision.matched[0].evidence[0]).toEqual({ field: 'body', value: 'shit', text: 'shit', start: 9, end: 13 });
  });

  it.each([
    ['leetspeak', 'this is sh1t'],
    ['symbols', 'this is $hit'],
    ['symbols inside', 'this is sh!t'],
    ['stretched', 'this is shiiiiit'],
    ['spaced letters', 'this is s h i t'],
    ['dotted letters', 'what the f.u.c.k'],
    ['unicode look-alikes', 'this is ѕhіt'],
    ['mixed case', 'This Is ShIt'],
  ])('matches obfuscated profanity (%s)', (_label, text) => {
    const decision = decide([profanity], text);
    expect(decision.action).toBe('HOLD');
    expect(decision.matched[0].evidence[0].value).toMatch(/^(shit|fuck)$/u);
  });

  it.each(['Scunthorpe United', 'a classic assessment', 'grapes and bananas', 'the pen is mightier', 'this song is really banal'])('does not match innocent words (%s)', (text) => {
    expect(actionOf([profanity], text)).toBe('ALLOW');
  });

  it("takes the preset's false positives back with an ALLOW term", () => {
    // The preset reads "shiitake" as "shit" + "ake"; a policy can say otherwise.
    expect(actionOf([profanity], 'Shiitake mushrooms')).toBe('HOLD');
    const shiitake: Rule = { id: 'mushrooms', kind: 'BLOCKED_TERMS', action: 'ALLOW', reason: 'A mushroom.', terms: ['shiitake'] };
    expect(actionOf([profanity, shiitake], 'Shiitake mushrooms')).toBe('ALLOW');
  });

  it('quotes the text as written and says which word it is', () => {
    const evidence = decide([profanity], 'well s h i t').matched[0].evidence[0];
    expect(evidence).toMatchObject({ value: 'shit', text: 's h i t', start: 5, end: 12 });
  });

  it.each([
    ['ACME is cheaper', 'Acme'],
    ["Acme's pricing", 'Acme'],
    ['try acme-cloud', 'Acme'],
    ['Ácme', 'Acme'],
    ['4CME', 'Acme'],
    ['@cme', 'Acme'],
    ['Acmmme', 'Acme'],
    ['A c m e', 'Acme'],
    ['a.c.m.e', 'Acme'],
    ['Аcme (Cyrillic A)', 'Acme'],
    ['ac\u200Bme', 'Acme'],
    ['globex   CORPORATION', 'Globex Corporation'],
    ['Globex-Corporation', 'Globex Corporation'],
    ['zurich labs', 'Zürich Labs'],
  ])('matches a custom term as a whole word, whatever its disguise (%s)', (text, term) => {
    const decision = decide([competitors], text);
    expect(decision.action).toBe('HOLD');
    expect(decision.matched[0].evidence[0].value).toBe(term);
  });

  it.each(['Acmeville is a town', 'macme', 'acmes', 'Globex is not the corporation', 'Zürich lab'])('does not match inside other words or partial phrases (%s)', (text) => {
    expect(actionOf([competitors], text)).toBe('ALLOW');
  });

  it('counts every occurrence, keeps the evidence short and carries the internal note', () => {
    const decision = decide([competitors], `${'Acme '.repeat(25)}`);
    expect(decision.matched[0].occurrences).toBe(25);
    expect(decision.matched[0].evidence).toHaveLength(10);
    expect(decision.matched[0].note).toBe('Legal asked for this (2025-03).');
  });

  it('looks in the title too, and says where', () => {
    const decision = decide([competitors], aPost('Nothing here.', { kind: 'forum-thread', title: 'Moving from Acme' }));
    expect(decision.matched[0].evidence[0]).toMatchObject({ field: 'title', value: 'Acme', start: 12, end: 16 });
  });
});

describe('evaluate: custom patterns', () => {
  const codeNames: Rule = { id: 'code-names', kind: 'PATTERN', action: 'REJECT', reason: 'Confidential project names may not be posted.', pattern: '\\bPRJ-\\d{4}\\b', flags: 'i' };

  it('matches the pattern and quotes the match', () => {
    const decision = decide([codeNames], 'status of prj-2291 and PRJ-7000?');
    expect(decision.action).toBe('REJECT');
    expect(decision.matched[0].evidence.map((e) => e.value)).toEqual(['prj-2291', 'PRJ-7000']);
  });

  it('does not match what the pattern does not describe', () => {
    expect(actionOf([codeNames], 'PRJ-12 and XPRJ-12345')).toBe('ALLOW');
  });

  it('never quotes a full card number, even when a pattern matched it', () => {
    const digits: Rule = { id: 'long-numbers', kind: 'PATTERN', action: 'HOLD', reason: 'Long numbers are reviewed.', pattern: '\\d{16}' };
    const decision = decide([digits], 'pay 4111111111111111');
    expect(decision.action).toBe('HOLD');
    expect(JSON.stringify(decision)).not.toContain('4111111111111111');
    expect(decision.matched[0].evidence[0].value).toBe('[card ending 1111]');
  });
});

describe('evaluate: personal data', () => {
  const cards: Rule = { id: 'cards', kind: 'PERSONAL_DATA', action: 'REJECT', reason: 'Never post card numbers.', detect: ['PAYMENT_CARD'] };
  const contact: Rule = {
    id: 'contact',
    kind: 'PERSONAL_DATA',
    action: 'HOLD',
    reason: 'Contact details are reviewed before they are shown.',
    detect: ['EMAIL', 'PHONE'],
    allowedEmailDomains: ['commons.example'],
  };

  it('rejects a card number that passes Luhn and masks it in the evidence', () => {
    const decision = decide([cards], 'My card is 4111 1111 1111 1111, exp 12/27');
    expect(decision.action).toBe('REJECT');
    expect(decision.matched[0].evidence).toEqual([{ field: 'body', value: 'card ending 1111', start: 11, end: 30 }]);
    expect(JSON.stringify(decision)).not.toMatch(/4111[ -]?1111[ -]?1111/u);
  });

  it('ignores numbers that fail Luhn', () => {
    expect(actionOf([cards], 'Order 4111 1111 1111 1112 shipped')).toBe('ALLOW');
  });

  it('holds e-mail addresses and phone numbers, masked, except at allowed domains', () => {
    const decision = decide([contact], 'Mail jane.doe@gmail.com or call +44 20 7946 0958');
    expect(decision.action).toBe('HOLD');
    expect(decision.matched[0].evidence.map((e) => e.value)).toEqual(['j***@gmail.com', 'phone ending 58']);
    expect(JSON.stringify(decision)).not.toContain('jane.doe');
    expect(actionOf([contact], 'Ask support@commons.example or it@eu.commons.example')).toBe('ALLOW');
  });

  it('detects only the configured types', () => {
    expect(actionOf([cards], 'Mail jane@gmail.com or call +44 20 7946 0958')).toBe('ALLOW');
    expect(actionOf([contact], 'My card is 4111 1111 1111 1111')).toBe('ALLOW');
  });
});

describe('evaluate: links', () => {
  const denylist: Rule = { id: 'bad-sites', kind: 'LINKS', action: 'REJECT', reason: 'Links to this site are not allowed.', match: 'LISTED_DOMAINS', domains: ['evil.example'] };
  const allowlist: Rule = {
    id: 'partner-sites-only',
    kind: 'LINKS',
    action: 'HOLD',
    reason: 'Links outside our sites are reviewed.',
    match: 'UNLISTED_DOMAINS',
    domains: ['commons.example', 'docs.partner.example'],
  };

  it('denies listed domains and their subdomains, in any form', () => {
    expect(actionOf([denylist], 'see https://evil.example/x')).toBe('REJECT');
    expect(actionOf([denylist], 'see [this](https://cdn.files.EVIL.example/a.png)')).toBe('REJECT');
    expect(actionOf([denylist], 'or just type evil.example in your browser')).toBe('REJECT');
    expect(actionOf([denylist], 'see https://notevil.example and https://evil.example.org')).toBe('ALLOW');
  });

  it('holds links outside an allowlist, subdomains of listed ones included', () => {
    expect(actionOf([allowlist], 'read https://commons.example/guide and https://www.commons.example')).toBe('ALLOW');
    expect(actionOf([allowlist], 'read https://docs.partner.example/api')).toBe('ALLOW');
    const decision = decide([allowlist], 'read https://partner.example/blog and https://other.example');
    expect(decision.action).toBe('HOLD');
    expect(decision.matched[0].evidence.map((e) => e.value)).toEqual(['partner.example', 'other.example']);
  });

  it('does not count bare words that look like domains (README.md) against an allowlist, but counts www. names', () => {
    expect(actionOf([allowlist], 'see README.md, main.py and e.g. Node.js')).toBe('ALLOW');
    expect(actionOf([allowlist], 'see www.other.example')).toBe('HOLD');
  });

  const newMembersNoLinks: Rule = {
    id: 'new-members-no-links',
    kind: 'LINKS',
    action: 'HOLD',
    reason: 'New members cannot post links yet.',
    match: 'ANY',
    onlyNewMembers: { postsBelow: 5, membershipDaysBelow: 7 },
  };

  it('holds links from new members only', () => {
    const text = 'my blog: https://blog.example.net';
    expect(actionOf([newMembersNoLinks], text, anAuthor({ postsInCommunity: 4 }))).toBe('HOLD');
    expect(actionOf([newMembersNoLinks], text, anAuthor({ memberSince: secondsAgo(6 * 86_400) }))).toBe('HOLD');
    expect(actionOf([newMembersNoLinks], text, anAuthor({ memberSince: null }))).toBe('HOLD');
    expect(actionOf([newMembersNoLinks], text, anAuthor({ postsInCommunity: 5, memberSince: secondsAgo(7 * 86_400) }))).toBe('ALLOW');
    expect(actionOf([newMembersNoLinks], 'no links here', anAuthor({ postsInCommunity: 0 }))).toBe('ALLOW');
  });
});

describe('evaluate: new-member pre-moderation', () => {
  const firstThree: Rule = { id: 'first-posts', kind: 'NEW_MEMBER', action: 'HOLD', reason: 'Your first posts are reviewed by a moderator.', firstPosts: 3 };

  it('holds the first N posts and lets post N+1 through', () => {
    expect(actionOf([firstThree], 'hello', anAuthor({ postsInCommunity: 0 }))).toBe('HOLD');
    // Post N (the third): two accepted before it.
    const third = decide([firstThree], 'hello', anAuthor({ postsInCommunity: 2 }));
    expect(third.action).toBe('HOLD');
    expect(third.matched[0].evidence[0]).toEqual({ field: null, value: 'post 3 of the first 3 in this community' });
    // Post N+1.
    expect(actionOf([firstThree], 'hello', anAuthor({ postsInCommunity: 3 }))).toBe('ALLOW');
  });

  it('does not apply to edits', () => {
    expect(actionOf([firstThree], aPost('hello', { isEdit: true }), anAuthor({ postsInCommunity: 0 }))).toBe('ALLOW');
  });
});

describe('evaluate: rate limits', () => {
  const fivePerMinute: Rule = { id: 'per-minute', kind: 'RATE_LIMIT', action: 'REJECT', reason: 'You are posting too fast.', maxPosts: 5, windowSeconds: 60 };
  const posts = (...secondsAgoList: number[]) => secondsAgoList.map((s) => ({ at: secondsAgo(s), fingerprint: `f${s}` }));

  it('allows the Nth post in the window and refuses the N+1th', () => {
    expect(actionOf([fivePerMinute], 'hi', anAuthor({ recentPosts: posts(1, 10, 20, 30) }))).toBe('ALLOW');
    const decision = decide([fivePerMinute], 'hi', anAuthor({ recentPosts: posts(1, 10, 20, 30, 59) }));
    expect(decision.action).toBe('REJECT');
    expect(decision.matched[0].evidence[0].value).toBe('6 posts in 60 s (limit 5)');
  });

  it('counts a post exactly one window ago as outside the window', () => {
    expect(actionOf([fivePerMinute], 'hi', anAuthor({ recentPosts: posts(1, 10, 20, 30, 60) }))).toBe('ALLOW');
    expect(actionOf([fivePerMinute], 'hi', anAuthor({ recentPosts: posts(1, 10, 20, 30, 59.999) }))).toBe('REJECT');
  });

  it('does not count edits', () => {
    expect(actionOf([fivePerMinute], aPost('hi', { isEdit: true }), anAuthor({ recentPosts: posts(1, 2, 3, 4, 5, 6) }))).toBe('ALLOW');
  });
});

describe('evaluate: duplicates', () => {
  const noRepeats: Rule = { id: 'duplicates', kind: 'DUPLICATE', action: 'HOLD', reason: 'You already posted this.', maxCopies: 1, windowSeconds: 600 };
  const text = 'Buy the new course today, limited seats available!';
  const sameText = contentFingerprint({ body: 'BUY the new   course today — limited seats available!!!' });

  it('treats texts differing only in case, spacing, punctuation and repeated letters as the same', () => {
    expect(sameText).toBe(contentFingerprint({ body: text }));
    expect(contentFingerprint({ body: 'Buy the neeew course todaaay, limited seats available' })).toBe(sameText);
    expect(contentFingerprint({ body: 'Buy the new course tomorrow' })).not.toBe(sameText);
  });

  it('holds the same text posted again within the window, not outside it', () => {
    expect(actionOf([noRepeats], text, anAuthor({ recentPosts: [{ at: secondsAgo(599), fingerprint: sameText }] }))).toBe('HOLD');
    expect(actionOf([noRepeats], text, anAuthor({ recentPosts: [{ at: secondsAgo(600), fingerprint: sameText }] }))).toBe('ALLOW');
    expect(actionOf([noRepeats], 'Something else entirely, long enough to count.', anAuthor({ recentPosts: [{ at: secondsAgo(5), fingerprint: sameText }] }))).toBe('ALLOW');
  });

  it('allows up to maxCopies identical posts', () => {
    const twice: Rule = { ...noRepeats, maxCopies: 2 };
    const recent = (n: number) => Array.from({ length: n }, (_, i) => ({ at: secondsAgo(10 + i), fingerprint: sameText }));
    expect(actionOf([twice], text, anAuthor({ recentPosts: recent(1) }))).toBe('ALLOW');
    expect(actionOf([twice], text, anAuthor({ recentPosts: recent(2) }))).toBe('HOLD');
  });

  it('ignores short texts ("Thanks!") below the minimum length', () => {
    const thanks = contentFingerprint({ body: 'Thanks!' });
    expect(actionOf([noRepeats], 'Thanks!', anAuthor({ recentPosts: [{ at: secondsAgo(5), fingerprint: thanks }] }))).toBe('ALLOW');
  });

  it('returns the fingerprint the store keeps with the post', () => {
    expect(decide([], text).fingerprint).toBe(sameText);
  });
});

describe('evaluate: size and shouting', () => {
  const size: Rule = { id: 'size', kind: 'SIZE', action: 'REJECT', reason: 'Too long or too short.', maxBodyChars: 20, minBodyChars: 2, maxTitleChars: 10 };
  const shouting: Rule = { id: 'shouting', kind: 'SHOUTING', action: 'HOLD', reason: 'Please do not shout.', minLetters: 10, maxUppercaseShare: 0.7 };

  it('checks the body and title lengths in characters (code points)', () => {
    expect(actionOf([size], 'x'.repeat(20))).toBe('ALLOW');
    expect(actionOf([size], '😀'.repeat(20))).toBe('ALLOW');
    expect(decide([size], 'x'.repeat(21)).matched[0].evidence).toEqual([{ field: 'body', value: '21 characters (limit 20)' }]);
    expect(actionOf([size], ' x ')).toBe('REJECT');
    expect(actionOf([size], aPost('fine', { title: 'A long title' }))).toBe('REJECT');
  });

  it('holds text whose upper-case share is above the threshold, given enough letters', () => {
    // 7 of 10 letters upper case: exactly the threshold, allowed.
    expect(actionOf([shouting], 'ABCDEFGhij')).toBe('ALLOW');
    // 8 of 10: above.
    const decision = decide([shouting], 'ABCDEFGHij');
    expect(decision.action).toBe('HOLD');
    expect(decision.matched[0].evidence[0].value).toBe('80% upper case over 10 letters (limit 70%)');
    // Too few letters to tell.
    expect(actionOf([shouting], 'OK THANKS')).toBe('ALLOW');
    expect(actionOf([shouting], 'THIS IS COMPLETELY UNACCEPTABLE')).toBe('HOLD');
  });

  it('does not count code as shouting', () => {
    expect(actionOf([shouting], 'Set `MAX_CONNECTIONS_PER_HOST` and\n```\nEXPORT DATABASE_URL\n```\nthen restart.')).toBe('ALLOW');
  });
});

describe('evaluate: guideline acknowledgement', () => {
  const guidelines: Rule = { id: 'guidelines', kind: 'GUIDELINE_ACKNOWLEDGEMENT', action: 'REJECT', reason: 'Please read and acknowledge the guidelines first.', guideline: 'social-media' };

  it('requires the acknowledgement, and fails when it is unknown', () => {
    expect(actionOf([guidelines], 'hi', anAuthor({ acknowledgedGuidelines: ['social-media'] }))).toBe('ALLOW');
    expect(actionOf([guidelines], 'hi', anAuthor({ acknowledgedGuidelines: ['code-of-conduct'] }))).toBe('REJECT');
    expect(actionOf([guidelines], 'hi', anAuthor({ acknowledgedGuidelines: null }))).toBe('REJECT');
  });
});

describe('evaluate: decisions', () => {
  const hold: Rule = { ...competitors, id: 'competitors' };
  const reject: Rule = { id: 'cards', kind: 'PERSONAL_DATA', action: 'REJECT', reason: 'Never post card numbers.', detect: ['PAYMENT_CARD'] };
  const alsoReject: Rule = { id: 'code-names', kind: 'PATTERN', action: 'REJECT', reason: 'Confidential.', pattern: 'falcon', flags: 'i' };

  it('takes the strictest action; the first rule in policy order with it gives the reason', () => {
    const decision = decide([hold, alsoReject, reject], 'Acme charged 4111 1111 1111 1111 for Falcon');
    expect(decision.action).toBe('REJECT');
    expect(decision.ruleId).toBe('code-names');
    expect(decision.reason).toBe('Confidential.');
    expect(decision.matched.map((m) => [m.ruleId, m.action])).toEqual([
      ['competitors', 'HOLD'],
      ['code-names', 'REJECT'],
      ['cards', 'REJECT'],
    ]);
  });

  it('allows with no reason when nothing matches, and names the policy version', () => {
    const decision = evaluate(compilePolicy(aPolicy([hold], { policyId: 'p1', version: 7 })), aPost('all good'), anAuthor());
    expect(decision).toMatchObject({ action: 'ALLOW', reason: null, ruleId: null, matched: [], whitelisted: [], policyVersion: { policyId: 'p1', version: 7 } });
  });

  it('applies a rule only within its scope', () => {
    const customersOnly: Rule = { ...reject, scope: { communityAudiences: ['CUSTOMER', 'PARTNER'], contentKinds: ['forum-thread', 'forum-reply'] } };
    const card = 'card 4111 1111 1111 1111';
    expect(actionOf([customersOnly], card, anAuthor({ communityAudience: 'EMPLOYEE' }))).toBe('ALLOW');
    expect(actionOf([customersOnly], card, anAuthor({ communityAudience: 'CUSTOMER' }))).toBe('REJECT');
    expect(actionOf([customersOnly], aPost(card, { kind: 'blog-post' }), anAuthor({ communityAudience: 'CUSTOMER' }))).toBe('ALLOW');
  });
});

describe('evaluate: whitelisting with ALLOW rules', () => {
  const partnerName: Rule = { id: 'partner-name', kind: 'BLOCKED_TERMS', action: 'ALLOW', reason: 'Acme Tools is our partner.', terms: ['Acme Tools'] };
  const ownDocs: Rule = { id: 'own-docs', kind: 'LINKS', action: 'ALLOW', reason: 'Our documentation.', match: 'LISTED_DOMAINS', domains: ['docs.commons.example'] };
  const noLinks: Rule = { id: 'no-links', kind: 'LINKS', action: 'HOLD', reason: 'New members cannot post links yet.', match: 'ANY', onlyNewMembers: { postsBelow: 5 } };

  it('exempts findings inside what an ALLOW rule matched, and reports them', () => {
    const decision = decide([competitors, partnerName], 'We integrate with Acme Tools.');
    expect(decision.action).toBe('ALLOW');
    expect(decision.matched.map((m) => m.ruleId)).toEqual(['partner-name']);
    expect(decision.whitelisted).toEqual([{ ruleId: 'competitors', allowedBy: 'partner-name', evidence: expect.objectContaining({ value: 'Acme', start: 18, end: 22 }) }]);
  });

  it('exempts only the covered occurrences', () => {
    const decision = decide([competitors, partnerName], 'Acme Tools is fine, Acme is not.');
    expect(decision.action).toBe('HOLD');
    expect(decision.matched.find((m) => m.ruleId === 'competitors')?.evidence.map((e) => e.start)).toEqual([20]);
  });

  it('lets new members link to whitelisted domains, and only to them', () => {
    const newbie = anAuthor({ postsInCommunity: 0 });
    expect(actionOf([noLinks, ownDocs], 'see https://docs.commons.example/setup', newbie)).toBe('ALLOW');
    expect(actionOf([noLinks, ownDocs], 'see https://docs.commons.example/setup and https://x.example', newbie)).toBe('HOLD');
  });

  it('does not let a community ALLOW rule exempt a mandatory finding', () => {
    const platformCompetitors: Rule = { ...competitors, mandatory: true };
    expect(actionOf([platformCompetitors, partnerName], 'We integrate with Acme Tools.')).toBe('HOLD');
    expect(actionOf([platformCompetitors, { ...partnerName, mandatory: true }], 'We integrate with Acme Tools.')).toBe('ALLOW');
  });
});

describe('evaluate: what the store must hand over', () => {
  const rules: Rule[] = [
    { id: 'minute', kind: 'RATE_LIMIT', action: 'REJECT', reason: 'Too fast.', maxPosts: 3, windowSeconds: 60 },
    { id: 'hour', kind: 'RATE_LIMIT', action: 'HOLD', reason: 'Busy hour.', maxPosts: 8, windowSeconds: 3600 },
    { id: 'repeats', kind: 'DUPLICATE', action: 'HOLD', reason: 'Again?', maxCopies: 2, windowSeconds: 600 },
  ];
  const policy = compilePolicy(aPolicy(rules));
  const post: Content = { kind: 'forum-thread', title: 'Release notes for **March**', body: 'The migration guide is [here](https://docs.example.com/guide).\n\n- step one\n- step two' };

  it('records the fingerprint the store computes for a post (the gate reads copies of the same text by it)', () => {
    expect(evaluate(policy, post, anAuthor()).fingerprint).toBe(contentFingerprint(post));
    const reply = aPost('Thanks, *that* worked — see https://example.com.');
    expect(evaluate(policy, reply, anAuthor()).fingerprint).toBe(contentFingerprint(reply));
  });

  it('decides the same from only the latest `limit` posts per count as from the whole history', () => {
    const same = contentFingerprint(post);
    // A seeded generator: histories of 0–40 posts over the last two hours, some of the same text.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let trial = 0; trial < 300; trial++) {
      const history = Array.from({ length: Math.floor(random() * 40) }, () => ({ at: secondsAgo(Math.floor(random() * 7200)), fingerprint: random() < 0.3 ? same : `other-${Math.floor(random() * 5)}` }));
      const now = anAuthor().now.getTime();
      // What the gate's statement selects: per count, the latest `limit` posts in its window (of the same text when asked), each post once.
      const handedOver = new Set(
        policy.requirements.recentCounts.flatMap((c) =>
          history
            .filter((p) => p.at.getTime() > now - c.seconds * 1000 && p.at.getTime() <= now && (!c.sameText || p.fingerprint === same))
            .sort((a, b) => b.at.getTime() - a.at.getTime())
            .slice(0, c.limit),
        ),
      );
      const whole = evaluate(policy, post, anAuthor({ recentPosts: history }));
      const reduced = evaluate(policy, post, anAuthor({ recentPosts: [...handedOver] }));
      expect({ action: reduced.action, rules: reduced.matched.map((m) => m.ruleId) }).toEqual({ action: whole.action, rules: whole.matched.map((m) => m.ruleId) });
    }
  });
});
