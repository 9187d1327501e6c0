import { ONLINE_CHANNELS, ONLINE_CHANNEL_LABELS, TEXT_LIMITS, type IncidentPlace, type OnlineChannel } from '../../../domain/report';
import { foldWords, hasWord, chatText, listInDutch } from '../answer-reading';
import { formText, formChoice, readForm } from '../form-reading';
import { failure, accepted, labelOptions, type StepDefinition } from '../step-definition';

/** The intake question "where": asked, read from chat and form, and read back. */

/** Words that name how an incident reached someone; the first that matches wins (most specific first). */
const CHANNEL_WORDS: readonly { channel: OnlineChannel; words: readonly string[]; platforms?: Readonly<Record<string, string>> }[] = [
  { channel: 'voicemail', words: ['voicemail', 'voicemailbericht', 'ingesproken bericht', 'ingesproken', 'voice mail'] },
  {
    channel: 'directBericht',
    words: ['dm', 'dms', 'direct bericht', 'direct message', 'prive bericht', 'privebericht', 'pb', 'sms', 'sms je', 'appje', 'app bericht'],
    platforms: { whatsapp: 'WhatsApp', signal: 'Signal', telegram: 'Telegram', messenger: 'Messenger' },
  },
  { channel: 'email', words: ['e mail', 'email', 'mail', 'mailtje', 'mails', 'e mails', 'emails', 'gemaild', 'mailde', 'per mail'] },
  {
    channel: 'socialeMedia',
    words: ['sociale media', 'social media', 'socials', 'tweet', 'tweets', 'post', 'reactie onder', 'comment'],
    platforms: {
      twitter: 'X (Twitter)', x: 'X (Twitter)', instagram: 'Instagram', insta: 'Instagram', facebook: 'Facebook', fb: 'Facebook',
      tiktok: 'TikTok', linkedin: 'LinkedIn', youtube: 'YouTube', mastodon: 'Mastodon', bluesky: 'Bluesky', threads: 'Threads',
      snapchat: 'Snapchat', reddit: 'Reddit',
    },
  },
  { channel: 'brief', words: ['brief', 'briefje', 'brieven', 'per post', 'ansichtkaart', 'kaartje', 'anonieme brief'] },
  { channel: 'telefoon', words: ['telefoon', 'telefonisch', 'gebeld', 'belde', 'opgebeld', 'beller', 'telefoontje', 'telefoontjes', 'mobiel'] },
];

/** The online channel a typed "where" names, with the platform when one is named. */
export function detectChannel(text: string): { channel: OnlineChannel; platform?: string } | undefined {
  const folded = foldWords(text);
  for (const entry of CHANNEL_WORDS) {
    const platform = Object.keys(entry.platforms ?? {}).find((word) => hasWord(folded, word));
    if (platform !== undefined) return { channel: entry.channel, platform: entry.platforms?.[platform] };
    if (entry.words.some((word) => hasWord(folded, word))) return { channel: entry.channel };
  }
  return undefined;
}

const WHERE_MODES = ['offline', 'online'] as const;
const WHERE_MODE_LABELS: Readonly<Record<(typeof WHERE_MODES)[number], string>> = {
  offline: 'Op een plek (fysiek)',
  online: 'Online, per post of per telefoon',
};

export const whereStep: StepDefinition<'where'> = {
  id: 'where',
  optional: false,
  summaryLabel: 'Waar',
  addressFields: ['location', 'detail'],
  question: ({ answers }) => ({
    title: 'Waar',
    text: 'Waar gebeurde het, of hoe bereikte het je?',
    help: 'Noem een plek, zoals "bij het gemeentehuis" of "tijdens de raadsvergadering", of een kanaal: e-mail, brief, telefoon, '
      + 'voicemail, sociale media of een direct bericht. Geef nooit je huisadres: gebeurde het bij je thuis, typ dan "thuis".',
    examples: ['bij het gemeentehuis', 'tijdens de raadsvergadering', 'e-mail', 'Instagram'],
    kind: 'form',
    fields: [
      { id: 'mode', label: 'Hoe', kind: 'choice', required: true, options: labelOptions(WHERE_MODES, WHERE_MODE_LABELS), value: answers.where?.mode },
      { id: 'location', label: 'Plek', kind: 'text', required: false, maxLength: TEXT_LIMITS.short, value: answers.where?.mode === 'offline' ? answers.where.location : undefined },
      {
        id: 'channel', label: 'Kanaal', kind: 'choice', required: false, options: labelOptions(ONLINE_CHANNELS, ONLINE_CHANNEL_LABELS),
        value: answers.where?.mode === 'online' ? answers.where.channel : undefined,
      },
      {
        id: 'detail', label: 'Platform, account of nummer (optioneel)', kind: 'text', required: false, maxLength: TEXT_LIMITS.short,
        value: answers.where?.mode === 'online' ? answers.where.detail : undefined,
      },
    ],
  }),
  fromText(text) {
    const typed = chatText(text, TEXT_LIMITS.short);
    if (!typed.ok) return typed;
    const found = detectChannel(typed.value);
    if (found === undefined) return accepted({ mode: 'offline', location: typed.value });
    // A bare channel name ("e-mail", "Instagram") needs no detail beyond the platform.
    const bare = foldWords(typed.value).split(' ').length <= 2;
    const detail = bare ? found.platform : typed.value;
    return accepted(detail === undefined ? { mode: 'online', channel: found.channel } : { mode: 'online', channel: found.channel, detail });
  },
  fromForm(values) {
    const form = readForm({
      mode: formChoice('Hoe', WHERE_MODES, false),
      location: formText('Plek', TEXT_LIMITS.short, false),
      channel: formChoice('Kanaal', ONLINE_CHANNELS, false),
      detail: formText('Platform, account of nummer', TEXT_LIMITS.short, false),
    }, values);
    if (!form.ok) return form;
    const { location, channel, detail } = form.data;
    const mode = form.data.mode ?? (channel !== undefined ? 'online' : location !== undefined ? 'offline' : undefined);
    if (mode === 'offline') {
      return location === undefined ? failure('Vul de plek in waar het gebeurde (geen huisadres).') : accepted({ mode, location });
    }
    if (mode === 'online') {
      if (channel === undefined) return failure(`Kies het kanaal: ${listInDutch(ONLINE_CHANNELS.map((c) => ONLINE_CHANNEL_LABELS[c].toLowerCase()))}.`);
      return accepted(detail === undefined ? { mode, channel } : { mode, channel, detail });
    }
    return failure('Vul de plek in waar het gebeurde, of kies hoe het je bereikte.');
  },
  describe: (value: IncidentPlace) => (value.mode === 'offline'
    ? value.location
    : value.detail === undefined ? ONLINE_CHANNEL_LABELS[value.channel] : `${ONLINE_CHANNEL_LABELS[value.channel]}: ${value.detail}`),
};
