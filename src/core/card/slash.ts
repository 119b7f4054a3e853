import { COMMAND_NAME } from '../commands.js';
import { code, type Span } from './card.js';

/** `/pattern <args>` as people type it, as code. */
export const slash = (args: string): Span => code(`/${COMMAND_NAME} ${args}`.trimEnd());
