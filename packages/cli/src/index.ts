/**
 * The `hourglass` command line as a library: the batch used by `hourglass sla deadlines`, the
 * commands and their dispatcher.
 *
 * ```ts
 * import { createBatchAnswerer, runBatch } from '@hourglass/cli';
 * import { loadShippedPacks } from '@hourglass/policy';
 * await runBatch(process.stdin, process.stdout, createBatchAnswerer(await loadShippedPacks()));
 * ```
 */
export { createBatchAnswerer, isErrorAnswer, type BatchAnswerer } from './commands/sla-deadlines/batch.js';
export { runBatch, MAX_LINE_LENGTH, type BatchTotals } from './commands/sla-deadlines/run-batch.js';
export { answerDeadline, chooseMetric, type DeadlineAnswer, type TargetAnswer, type CalendarAnswer } from './commands/sla-deadline/answer.js';
export type { DeadlineQuestion, TargetQuestion, CalendarQuestion, Amount } from './commands/sla-deadline/question.js';
export { explainBetween, type DueExplanation } from './format/explanation.js';
export { calendarOwner, findCalendar, knownCalendarIds } from './lookup/calendars.js';
export { allCommands, type CommandDeps } from './commands.js';
export { dispatch, listing, EXIT_OK, EXIT_FAILURE, EXIT_USAGE } from './dispatch.js';
export type { Command } from './command.js';
export type { CliIo } from './io.js';
export { UsageError, CommandError } from './errors.js';
