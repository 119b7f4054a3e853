import pThrottle from 'p-throttle';
import type { DailyPoster } from './poster.js';

/** How finely a second's posts are spread: a tenth of them every 100 ms, not all at the top of the second. */
const SLICES_PER_SECOND = 10;

/**
 * The poster, its posts started at most `perSecond` a second (p-throttle), spread evenly; unpaced
 * when `perSecond` is undefined. A stop aborts the posts still waiting: their claims are given back.
 */
export function paced(poster: DailyPoster, perSecond: number | undefined, signal: AbortSignal): DailyPoster {
  if (perSecond === undefined) return poster;
  const slice = Math.max(1, Math.round(perSecond / SLICES_PER_SECOND));
  const throttle = pThrottle({ limit: slice, interval: (1000 * slice) / perSecond, signal });
  return { ...poster, post: throttle(poster.post.bind(poster)) };
}
