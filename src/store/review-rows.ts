import type { DailyPlatform } from '../daily/poster.js';
import type { ReviewCardRow, Reviewer } from './review-store.js';

/** A `reviewers` row; times are `T` (epoch ms in SQLite, Date from PostgreSQL). */
export interface ReviewerRow<T> {
  platform: DailyPlatform;
  workspace_id: string;
  user_id: string;
  time: string;
  time_zone: string;
  weekdays: number;
  next_run_at: T;
  created_at: T;
  updated_at: T;
}

export interface ReviewCardDbRow<T> {
  slug: string;
  due_at: T;
  fsrs: string;
  prompt_date: string | null;
  answered_date: string | null;
}

const toDate = (value: number | Date): Date => (value instanceof Date ? value : new Date(value));

export function rowToReviewer(row: ReviewerRow<number | Date>): Reviewer {
  return {
    platform: row.platform,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    time: row.time,
    timeZone: row.time_zone,
    weekdays: row.weekdays,
    nextRunAt: toDate(row.next_run_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function rowToReviewCard(row: ReviewCardDbRow<number | Date>): ReviewCardRow {
  return {
    slug: row.slug,
    dueAt: toDate(row.due_at),
    fsrs: row.fsrs,
    ...(row.prompt_date !== null ? { promptDate: row.prompt_date } : {}),
    ...(row.answered_date !== null ? { answeredDate: row.answered_date } : {}),
  };
}
