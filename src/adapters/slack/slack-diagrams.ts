import type { Card } from '../../core/card/card.js';
import { diagramPath } from '../../diagram-route.js';
import type { DiagramImages } from '../../diagrams/diagram-images.js';

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
