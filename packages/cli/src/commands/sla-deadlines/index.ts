/** `hourglass sla deadlines`: the streaming NDJSON batch on standard input and output. */
import type { PolicyRegistry } from '@hourglass/policy';
import { parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { writeLine } from '../../io.js';
import { createBatchAnswerer } from './batch.js';
import { runBatch } from './run-batch.js';

const HELP = `hourglass sla deadlines: answer due-time questions in bulk, one JSON object per line

Usage:
  hourglass sla deadlines < questions.ndjson > answers.ndjson

Each input line is one of:
  {"id": 1, "policy": "twilio", "plan": "bootstrap", "priority": "P1", "metric": "first_response", "start": "2026-11-20T17:00:00-08:00"}
  {"id": 2, "calendar": "twilio-business-hours", "business_hours": 2.5, "start": "2026-11-20T17:00:00-08:00"}
  {"id": 3, "calendar": "twilio-business-hours", "business_days": 5, "start": "2026-11-20T17:00:00-08:00"}
("policy" may accompany "calendar" to say which pack the calendar belongs to; business_hours may
be fractional.)

Each output line, in the same order, is {"id": ..., "due": "<ISO 8601 with the calendar's offset>"},
{"id": ..., "due": null} where the plan has no target, or {"id": ..., "error": "<why>"}.
The id is copied as it is (any JSON value; null when the line has none). Blank lines are skipped,
other fields are ignored, and a bad line never stops the batch. Input of any size is streamed.

Flags:
  -h, --help   show this help`;

export function slaDeadlinesCommand(loadRegistry: () => Promise<PolicyRegistry>): Command {
  return {
    path: ['sla', 'deadlines'],
    summary: 'answer NDJSON due-time questions from standard input, one answer per line',
    help: HELP,
    async run(args, io) {
      const parsed = parseFlags(args, {});
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, HELP);
        return 0;
      }
      if ((io.stdin as { isTTY?: boolean }).isTTY) {
        writeLine(io.stderr, 'Reading JSON lines from the terminal; end with Ctrl-D (or pipe a file: hourglass sla deadlines < questions.ndjson).');
      }
      const answer = createBatchAnswerer(await loadRegistry());
      await runBatch(io.stdin, io.stdout, answer);
      return 0;
    },
  };
}
