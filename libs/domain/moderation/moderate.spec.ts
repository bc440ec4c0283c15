import { describe, expect, it } from '@jest/globals';
import { describeFindings, moderate, redact } from './index.js';

const before = { contractStarted: false };
const after = { contractStarted: true };
const kinds = (text: string, options = before) => moderate(text, options).findings.map((f) => f.kind);

describe('moderate: contact details before a contract', () => {
  it.each([
    ['plain', 'Reach me at john.smith@gmail.com', 'john.smith@gmail.com'],
    ['upper case', 'MAIL JOHN@EXAMPLE.CO.UK', 'JOHN@EXAMPLE.CO.UK'],
    ['spelled out', 'write to john dot smith at gmail dot com', 'john dot smith at gmail dot com'],
    ['bracketed', 'john [at] example (dot) io', 'john [at] example (dot) io'],
    ['spaced', 'john @ gmail . com please', 'john @ gmail . com'],
    ['provider only', 'johnsmith99 at gmail', 'johnsmith99 at gmail'],
    ['labelled', 'my gmail is johnsmith99', 'my gmail is johnsmith99'],
    ['full-width characters', 'john＠gmail．com', 'john@gmail.com'],
    ['mailto link', 'mailto:john@x.io', 'mailto:john@x.io'],
  ])('finds an email (%s)', (_, text, match) => {
    const verdict = moderate(text, before);
    expect(verdict.allowed).toBe(false);
    expect(verdict.findings).toEqual([{ kind: 'email', match }]);
  });

  it.each([
    ['international', 'Call me on +1 415 555 2671', '+1 415 555 2671'],
    ['US with brackets', 'call (415) 555-2671 tomorrow', '(415) 555-2671'],
    ['dotted', 'my number 415.555.2671', '415.555.2671'],
    ['digits only', 'text 4155552671', '4155552671'],
    ['spaced digits', '4 1 5 5 5 5 2 6 7 1', '4 1 5 5 5 5 2 6 7 1'],
    ['dashed international', '+1-202-555-0143', '+1-202-555-0143'],
    ['UK international', 'ring +44 20 7946 0958', '+44 20 7946 0958'],
    ['UK national', 'ring 020 7946 0958', '020 7946 0958'],
    ['Russian', '+7 912 345-67-89', '+7 912 345-67-89'],
    ['Indian', '+91 98765 43210', '+91 98765 43210'],
    ['in words', 'four one five five five five two six seven one', 'four one five five five five two six seven one'],
    ['underscored', '4_1_5_5_5_5_2_6_7_1', '4_1_5_5_5_5_2_6_7_1'],
  ])('finds a phone number (%s)', (_, text, match) => {
    expect(moderate(text, before).findings).toEqual([{ kind: 'phone', match }]);
  });

  it.each([
    ['handle then messenger', '@john_doe on telegram'],
    ['labelled handle', 'my telegram is johnd'],
    ['colon', 'Telegram: @johnd'],
    ['id', 'WeChat ID: wx_abc123'],
    ['skype id', 'add me: live:john.smith'],
    ['discord tag', 'my discord is john#1234'],
    ['verb', 'whatsapp me when you can'],
    ['add me on', 'add me on Skype'],
    ['move the chat', "let's continue this on WhatsApp"],
    ['reach me at a handle', 'reach me at @johnny_d'],
    ['signal', 'my signal number is 0044 7700'],
  ])('finds a messenger handle (%s)', (_, text) => {
    expect(kinds(text)).toContain('messenger');
  });

  it.each([
    ['telegram link', 't.me/johnd'],
    ['whatsapp link', 'https://wa.me/14155552671'],
    ['whatsapp api link', 'https://api.whatsapp.com/send?phone=1415'],
    ['discord invite', 'join discord.gg/abc123'],
    ['linkedin profile', 'see www.linkedin.com/in/john-smith'],
    ['app link', 'tg://resolve?domain=johnd'],
  ])('finds a link to a messenger or profile (%s)', (_, text) => {
    expect(kinds(text)).toEqual(['link']);
  });
});

describe('moderate: off-platform payment and rewards', () => {
  it.each([
    'pay me in USDT',
    'Can you pay via PayPal instead?',
    'I can pay you directly by wire transfer',
    'I only accept crypto',
    'We prefer payment via Payoneer',
    'send the money through Western Union to me? pay me with Western Union',
    'my BTC wallet is below',
    'we could pay outside Upwork',
    "let's keep the payment off the platform",
    'we can do it this way to avoid the fees',
    'just buy me a $100 Amazon gift card',
    'I get paid in ETH',
    'IBAN DE89 3704 0044 0532 0130 00',
    'Send to 0x52908400098527886E0F7030069857D2E4169EE7',
  ])('finds off-platform payment: %s', (text) => {
    expect(kinds(text)).toContain('off_platform_payment');
  });

  it.each([
    "If you hire me I'll give you a $50 bonus.",
    'I will send you 10% of the contract if you choose me.',
    'Hire me and I will refund you part of my fee as a gift.',
    'Once I get the contract you receive a commission.',
  ])('finds a reward for winning the contract: %s', (text) => {
    expect(kinds(text)).toEqual(['reward']);
  });
});

describe('moderate: ordinary text passes', () => {
  it.each([
    'Build a Telegram bot that posts daily sales reports',
    'We need a PayPal checkout integration and a crypto wallet UI',
    'I have 10 years of experience; budget is $5000; deadline 2024-12-01.',
    'Let us discuss on a call here. I sent the file at 10:30.',
    'I am good at react dot js and node.',
    'Portfolio: https://github.com/johnd and https://dribbble.com/johnd',
    'If you hire me I will deliver in 3 days.',
    'We use Slack: daily standups at 9am.',
    'Order 12345 shipped; invoice 987 is paid through the platform.',
    'The @Injectable() decorator and @Input fields need tests.',
    'Payments are handled via Stripe and PayPal for our customers.',
  ])('%s', (text) => {
    expect(moderate(text, before)).toEqual({ allowed: true, findings: [] });
  });
});

describe('moderate: after a contract starts', () => {
  it.each(['john.smith@gmail.com', '+1 415 555 2671', '@john_doe on telegram', 't.me/johnd'])(
    'contact details are allowed: %s',
    (text) => {
      expect(moderate(text, after)).toEqual({ allowed: true, findings: [] });
    },
  );

  it('payment talk is allowed but still reported, so it can be reviewed', () => {
    expect(moderate('pay me in USDT', after)).toEqual({
      allowed: true,
      findings: [{ kind: 'off_platform_payment', match: 'pay me in USDT' }],
    });
  });
});

describe('several findings in one text', () => {
  const text = 'Mail john@x.io or call +1 415 555 2671; I accept USDT.';

  it('reports each one, in order', () => {
    expect(moderate(text, before).findings).toEqual([
      { kind: 'email', match: 'john@x.io' },
      { kind: 'phone', match: '+1 415 555 2671' },
      { kind: 'off_platform_payment', match: 'I accept USDT' },
    ]);
  });

  it('redacts each one with a placeholder naming what was removed', () => {
    expect(redact(text, before)).toBe('Mail [email removed] or call [phone number removed]; [off-platform payment removed].');
    expect(redact(text, after)).toBe(text);
  });

  it('describes them for the sender', () => {
    expect(describeFindings(moderate(text, before).findings)).toBe(
      'an email address ("john@x.io"), a phone number ("+1 415 555 2671") and payment outside the platform ("I accept USDT")',
    );
  });
});

describe('cost', () => {
  it('moderates a long adversarial text quickly', () => {
    const text = `${'a'.repeat(2_000)} ${'1 '.repeat(3_000)} ${'john at '.repeat(500)} ${'@x '.repeat(1_000)}`;
    const started = performance.now();
    moderate(text, before);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
