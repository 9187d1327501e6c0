import { cleanFreeText, parseChoice, parseYesNo, toPlainText } from '../../../src/dialogue/intake/free-text';

const LIMITS = { maxLength: 4000, required: true };

function cleaned(input: unknown, options = LIMITS): string {
  const result = cleanFreeText(input, options);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.value;
}

function refusal(input: unknown, options = LIMITS): string {
  const result = cleanFreeText(input, options);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('cleanFreeText — what survives', () => {
  it.each([
    // input, stored value
    ['Hij schreeuwde tegen me.', 'Hij schreeuwde tegen me.'],
    ['  spaties eromheen  ', 'spaties eromheen'],
    ['<p>Hij <b>schreeuwde</b> tegen me.</p>', 'Hij schreeuwde tegen me.'],
    ['<p>regel één</p><p>regel twee</p>', 'regel één\nregel twee'],
    ['eerste<br>tweede<br/>derde<br />vierde', 'eerste\ntweede\nderde\nvierde'],
    ['<at>Weerbaar Bestuur</at> er stond iemand voor de deur', 'Weerbaar Bestuur er stond iemand voor de deur'],
    ['<div><span style="color:red">rood</span></div>', 'rood'],
    ['<ul><li>een</li><li>twee</li></ul>', '- een\n- twee'],
    ['<a href="https://example.org/post/1">https://example.org/post/1</a>', 'https://example.org/post/1'],
    ['Kijk <img src="x" alt="😡" itemtype="http://schema.skype.com/Emoji"> echt', 'Kijk 😡 echt'],
    ['Tom &amp; Jerry &lt;3 &gt; &quot;citaat&quot; &#39;enkel&#39; a&nbsp;b', 'Tom & Jerry <3 > "citaat" \'enkel\' a b'],
    ['&#8364; 50 en &#x1F600;', '€ 50 en 😀'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'], //                              decoded once, not twice
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'], // typed by the user: kept as text
    ['<geen naam>', '<geen naam>'], //                                    not a tag Teams sends
    ['a < b en c > d', 'a < b en c > d'],
    ['**vet** en _schuin_ en [link](https://x.nl)', '**vet** en _schuin_ en [link](https://x.nl)'],
    ['${x} en {{y}} en ${1+1}', '${x} en {{y}} en ${1+1}'],
    ['Hij zei: "Ik weet waar je woont" 😠👊🏽', 'Hij zei: "Ik weet waar je woont" 😠👊🏽'],
    ['👨‍👩‍👧 familie', '👨‍👩‍👧 familie'], //                  zero-width joiners stay
    ['هو هددني بالقتل', 'هو هددني بالقتل'], //                       RTL text stays
    ['שלום עולם', 'שלום עולם'],
    ['tab\tblijft', 'tab\tblijft'],
    ['regel 1\r\nregel 2\rregel 3', 'regel 1\nregel 2\nregel 3'],
    ['a\n\nb', 'a\n\nb'],
    ['a\n\n\nb', 'a\n\n\nb'], //                                        two blank lines stay
    ['a\n\n\n\n\n\n\nb', 'a\n\n\nb'], //                                more become two
    ['a  \n \t \n\n\n\n b', 'a\n\n\n b'], //                            whitespace-only lines count as blank
    ['e\u0301e\u0301n', 'één'], //                                      NFC
    ['Cafe\u0301', 'Café'],
  ])('%j → %j', (input, value) => {
    expect(cleaned(input)).toBe(value);
  });

  it.each([
    ['NUL bytes', 'a\u0000b\u0000c', 'abc'],
    ['other controls', 'a\u0001\u0007\u001b[31mb\u007f\u0085c', 'a[31mb\nc'],
    ['bidi override', 'factuur\u202Egnp.exe', 'factuurgnp.exe'],
    ['bidi isolates and embeddings', '\u2066a\u2069\u202Ab\u202C\u2067c\u2068d', 'abcd'],
    ['byte order mark', '\uFEFFhallo', 'hallo'],
    ['lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['NUL as entity', 'a&#0;b', 'ab'],
    ['control as entity', 'a&#7;b', 'ab'],
  ])('removes %s', (_what, input, value) => {
    expect(cleaned(input)).toBe(value);
  });

  it('keeps the left-to-right and right-to-left marks, which only steer display', () => {
    expect(cleaned('a\u200Eb\u200Fc')).toBe('a\u200Eb\u200Fc');
  });

  it.each([
    ['<script>alert(1)</script>Hallo', 'Hallo'],
    ['<SCRIPT type="text/javascript">document.cookie</SCRIPT>Hallo', 'Hallo'],
    ['voor<style>p { color: red }</style>na', 'voorna'],
    ['a<!-- verborgen -->b', 'ab'],
    ['<script>nooit gesloten', 'nooit gesloten'],
    ['<scripts>geen script</scripts>', '<scripts>geen script</scripts>'],
    ['<img src=x onerror=alert(1)>tekst', 'tekst'],
    ['<iframe src="https://evil.example"></iframe>tekst', 'tekst'],
  ])('drops markup that is never text: %j', (input, value) => {
    expect(cleaned(input)).toBe(value);
  });
});

describe('cleanFreeText — refusals', () => {
  it.each([
    [''],
    ['   '],
    ['\n\n\t'],
    ['<p></p>'],
    ['<p>&nbsp;</p>'],
    ['\u0000\u0000'],
    ['\u202E'],
    [undefined],
    [null],
  ])('refuses %j when an answer is required', (input) => {
    expect(refusal(input)).toBe('Dit antwoord mag niet leeg zijn. Typ je antwoord in een bericht.');
  });

  it.each([[''], ['  '], [undefined], [null]])('accepts %j as empty when no answer is required', (input) => {
    expect(cleaned(input, { maxLength: 100, required: false })).toBe('');
  });

  it.each([[42], [{ text: 'hallo' }], [['a']], [true]])('refuses %j, which is no text', (input) => {
    expect(refusal(input)).toBe('Ik kan dit antwoord niet lezen. Typ je antwoord als tekst.');
  });

  it('names the limit and the actual length, in Dutch number format', () => {
    expect(refusal('x'.repeat(5230))).toBe(
      'Je antwoord is 5.230 tekens; het maximum is 4.000. Kort het in of verdeel het over meerdere berichten.',
    );
  });

  it('accepts exactly the maximum', () => {
    expect(cleaned('x'.repeat(4000))).toHaveLength(4000);
    expect(refusal('x'.repeat(4001))).toContain('4.001 tekens');
  });

  it('counts after cleaning: markup does not count', () => {
    expect(cleaned(`<p>${'x'.repeat(4000)}</p>`)).toHaveLength(4000);
  });

  it('counts an emoji as one character', () => {
    expect(cleaned('😀'.repeat(10), { maxLength: 10, required: true })).toBe('😀'.repeat(10));
    expect(refusal('😀'.repeat(11), { maxLength: 10, required: true })).toContain('11 tekens');
  });

  it('refuses 100 KB quickly, naming its length', () => {
    const started = process.hrtime.bigint();
    expect(refusal('a'.repeat(100_000))).toContain('Je antwoord is 100.000 tekens');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it.each([
    ['unclosed scripts', '<script>'.repeat(12_500)],
    ['unclosed comments', '<!--'.repeat(25_000)],
    ['unclosed tags', '<p'.repeat(50_000)],
    ['images without end', '<img alt="'.repeat(10_000)],
    ['entities', '&amp;'.repeat(20_000)],
  ])('stays fast on 100 KB of %s', (_what, input) => {
    const started = process.hrtime.bigint();
    cleanFreeText(input, { maxLength: 1_000_000, required: true });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });
});

describe('toPlainText', () => {
  it('is what cleanFreeText stores', () => {
    const input = '<p>Hallo&nbsp;<b>wereld</b></p>\u202E';
    expect(toPlainText(input)).toBe(cleaned(input));
  });
});

describe('parseYesNo', () => {
  it.each([
    'ja', 'Ja', 'JA', 'j', 'J', 'ja.', 'Ja!', ' ja ', 'jazeker', 'Ja zeker', 'jawel', 'klopt', 'Dat klopt',
    'ja, dat klopt', 'ja hoor', 'Ja graag', 'prima', 'akkoord', 'oké', 'ok', 'correct', 'inderdaad', 'zeker',
    'ja, hij stond voor de deur', 'yes', '👍', '👍🏽', '✅', '✔️',
  ])('%j → ja', (text) => {
    expect(parseYesNo(text)).toBe(true);
  });

  it.each([
    'nee', 'Nee', 'NEE', 'n', 'N', 'neen', 'nee.', 'Nee!', 'niet', 'nee hoor', 'nee, dank je', 'liever niet',
    'klopt niet', 'Dat klopt niet', 'nee, hij was alleen', 'welnee', 'zeker niet', 'nooit', 'no', 'nope', '👎', '❌',
  ])('%j → nee', (text) => {
    expect(parseYesNo(text)).toBe(false);
  });

  it.each([
    '', '   ', 'misschien', 'weet ik niet', 'geen idee', 'ja en nee', 'nee, ja', 'ja maar niet helemaal', 'jan',
    'nederland', 'blabla', '?', '🤷', '<script>ja</script>', '${x}', '\u0000',
  ])('%j → undefined', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });
});

describe('parseChoice', () => {
  const LEVELS = [
    { value: 'emotionalI', labels: ['Emotioneel gedrag (ik)', 'ik'] },
    { value: 'emotionalYou', labels: ['Emotioneel gedrag (jullie)', 'jullie'] },
    { value: 'aggression', labels: ['Verbale of non-verbale agressie', 'agressie', 'jij'] },
    { value: 'threat', labels: ['Bedreiging of intimidatie'] },
    { value: 'violence', labels: ['Fysiek geweld'] },
  ] as const;

  it.each([
    ['Fysiek geweld', 'violence'],
    ['fysiek geweld', 'violence'],
    ['FYSIEK GEWELD', 'violence'],
    ['  fysiek   geweld. ', 'violence'],
    ['5', 'violence'], //                       its number in the list
    ['5.', 'violence'],
    ['5)', 'violence'],
    [' 5 ', 'violence'],
    ['nummer 5 graag', 'violence'],
    ['optie 5', 'violence'],
    ['5 fysiek geweld', 'violence'], //         number and words agree
    ['5 alsjeblieft', 'violence'],
    ['fys', 'violence'], //                     unique start
    ['bedr', 'threat'],
    ['geweld', 'violence'], //                  a word inside one label
    ['intimidatie', 'threat'],
    ['agressie', 'aggression'],
    ['jij', 'aggression'],
    ['jullie', 'emotionalYou'],
    ['ik', 'emotionalI'], //                    exact label beats the prefix of other labels
    ['het was bedreiging of intimidatie', 'threat'], // a sentence naming one label
  ])('%j → %s', (text, value) => {
    expect(parseChoice(text, LEVELS)).toBe(value);
  });

  it.each([
    [''],
    ['   '],
    ['emotioneel'], //                          two options start like this
    ['e'], //                                   one letter is too little to guess from
    ['0'],
    ['6'],
    ['-1'],
    ['1.5'],
    ['12345'],
    ['5 bedreiging'], //                        number and words disagree
    ['iets anders'],
    ['<b>5</b>x'],
    ['${x}'],
  ])('%j → undefined', (text) => {
    expect(parseChoice(text, LEVELS)).toBeUndefined();
  });

  it('ignores accents and case both ways', () => {
    const options = [
      { value: 'cafe', labels: ['Café'] },
      { value: 'reunie', labels: ['reünie'] },
    ];
    expect(parseChoice('cafe', options)).toBe('cafe');
    expect(parseChoice('CAFÉ', options)).toBe('cafe');
    expect(parseChoice('Reunie', options)).toBe('reunie');
    expect(parseChoice('re', options)).toBe('reunie');
  });

  it('returns the typed value of the option', () => {
    const channels = [
      { value: 'email', labels: ['E-mail', 'mail'] },
      { value: 'socialMedia', labels: ['Sociale media', 'Twitter', 'X', 'Facebook'] },
    ] as const;
    const value: 'email' | 'socialMedia' | undefined = parseChoice('facebook', channels);
    expect(value).toBe('socialMedia');
    expect(parseChoice('e-mail', channels)).toBe('email');
    expect(parseChoice('x', channels)).toBe('socialMedia'); // a one-letter label matches exactly
  });
});
