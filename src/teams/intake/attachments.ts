import type { Attachment, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationConstants } from 'botframework-connector';
import { MAX_EVIDENCE_BYTES, type IncomingFile } from '../../app/evidence.service';

/** Teams' wrapper for a file sent in a 1:1 chat: a pre-authenticated download URL. */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', heic: 'image/heic',
  txt: 'text/plain', eml: 'message/rfc822', msg: 'application/vnd.ms-outlook', mp3: 'audio/mpeg', m4a: 'audio/mp4',
  wav: 'audio/wav', ogg: 'audio/ogg', mp4: 'video/mp4', mov: 'video/quicktime',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', doc: 'application/msword',
};

/** Attachments that are files a person sent (not the HTML copy of the message, not cards). */
export function fileAttachments(context: TurnContext): Attachment[] {
  return (context.activity.attachments ?? []).filter(
    (a) => a.contentType === FILE_DOWNLOAD_INFO || (!!a.contentUrl && !a.contentType.startsWith('text/html') && !a.contentType.startsWith('application/vnd.microsoft.card')),
  );
}

/** Result of fetching the files of one message; refusals are reported to the user, never dropped silently. */
export interface DownloadResult {
  files: IncomingFile[];
  refused: { fileName: string; reason: 'tooLarge' | 'unreachable' }[];
}

/**
 * Downloads the files of a message. Teams gives a pre-authenticated URL for files; inline images
 * need the bot's token. Only https is followed, plus loopback http for local mode and tests.
 */
export async function downloadAttachments(context: TurnContext, adapter: TeamsAdapter, botAppId: string | undefined): Promise<DownloadResult> {
  const result: DownloadResult = { files: [], refused: [] };
  let token: string | undefined;
  for (const attachment of fileAttachments(context)) {
    const isFile = attachment.contentType === FILE_DOWNLOAD_INFO;
    const content = (attachment.content ?? {}) as { downloadUrl?: string; fileType?: string };
    const url = isFile ? content.downloadUrl : attachment.contentUrl;
    const fileName = attachment.name ?? (isFile ? 'bestand' : 'afbeelding');
    if (!url || !allowedUrl(url)) {
      result.refused.push({ fileName, reason: 'unreachable' });
      continue;
    }
    if (!isFile && token === undefined) token = await botToken(adapter, botAppId);
    try {
      const response = await fetch(url, { headers: !isFile && token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(30000) });
      if (!response.ok) throw new Error(`download status ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > MAX_EVIDENCE_BYTES) {
        result.refused.push({ fileName, reason: 'tooLarge' });
        continue;
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > MAX_EVIDENCE_BYTES) {
        result.refused.push({ fileName, reason: 'tooLarge' });
        continue;
      }
      const contentType = isFile ? mimeFor(content.fileType, fileName) : attachment.contentType === 'image/*' ? 'image/png' : attachment.contentType;
      result.files.push({ fileName, contentType, bytes });
    } catch {
      result.refused.push({ fileName, reason: 'unreachable' });
    }
  }
  return result;
}

function allowedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
  } catch {
    return false;
  }
}

function mimeFor(fileType: string | undefined, fileName: string): string {
  const extension = (fileType ?? fileName.split('.').pop() ?? '').toLowerCase();
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

async function botToken(adapter: TeamsAdapter, botAppId: string | undefined): Promise<string> {
  if (!botAppId || (await adapter.credentialsFactory.isAuthenticationDisabled())) return '';
  const loginUrl = AuthenticationConstants.ToChannelFromBotLoginUrlPrefix + AuthenticationConstants.DefaultChannelAuthTenant;
  const credentials = (await adapter.credentialsFactory.createCredentials(botAppId, AuthenticationConstants.ToChannelFromBotOAuthScope, loginUrl, true)) as unknown as { getToken(): Promise<string> };
  return credentials.getToken();
}
