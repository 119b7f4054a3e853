import type { webApi } from '@slack/bolt';
import type { Card } from '../../core/card/card.js';
import { diagramPath } from '../../diagram-route.js';
import type { DiagramImages } from '../../diagrams/diagram-images.js';
import { SLACK_MAX_ALT_TEXT, truncate } from './limits.js';

/** How Slack shows a card's picture: an image block of the bot's own URL, or an uploaded file. */
export interface SlackDiagrams {
  /** With PUBLIC_URL: the public URL of a drawn picture, for an image block. */
  readonly url?: (image: string) => string | undefined;
  /** Without PUBLIC_URL: the PNG of a drawn picture, for `files.uploadV2`. */
  readonly upload?: (image: string) => Uint8Array | undefined;
}

export function slackDiagrams(images: DiagramImages, publicUrl: string | undefined): SlackDiagrams {
  if (publicUrl) {
    return { url: (image) => (images.get(image) ? `${publicUrl}${diagramPath(image)}` : undefined) };
  }
  return { upload: (image) => images.get(image)?.png };
}

/** The first picture of a card, with its alt text: what a Diagram click uploads. */
export function firstImage(card: Card): { image: string; alt: string } | undefined {
  for (const block of card.blocks) if (block.type === 'image') return { image: block.image, alt: block.alt };
  return undefined;
}

/**
 * Without PUBLIC_URL, a card's picture is uploaded into the conversation (`files.uploadV2`, which asks
 * for an upload URL, sends the bytes and completes the upload; `files:write`), with its alt text, in
 * a thread when given. Nothing to upload (PUBLIC_URL set, no picture, not drawn yet): false. A Slack
 * error throws; the caller logs it, since the card itself already shows the text diagram.
 */
export async function uploadCardPicture(
  client: webApi.WebClient,
  diagrams: SlackDiagrams | undefined,
  card: Card,
  where: { readonly channelId: string; readonly threadTs?: string },
): Promise<boolean> {
  const picture = firstImage(card);
  const png = picture && diagrams?.upload?.(picture.image);
  if (!picture || !png) return false;
  const file = {
    file: Buffer.from(png),
    filename: `${picture.image}.png`,
    ...(card.title ? { title: card.title } : {}),
    alt_text: truncate(picture.alt, SLACK_MAX_ALT_TEXT),
  };
  await client.files.uploadV2(
    where.threadTs
      ? { ...file, channel_id: where.channelId, thread_ts: where.threadTs }
      : { ...file, channel_id: where.channelId },
  );
  return true;
}
