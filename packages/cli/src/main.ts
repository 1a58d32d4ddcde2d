/** The `hourglass` process: runs the command named on the command line and sets the exit status. */
import { allCommands } from './commands.js';
import { dispatch, EXIT_FAILURE } from './dispatch.js';
import { messageOf } from './errors.js';
import { processIo } from './io.js';

// A reader that stops early (`hourglass sla deadlines < big | head`) is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`error: cannot write the output (${error.message})\n`);
  process.exit(EXIT_FAILURE);
});

try {
  process.exitCode = await dispatch(allCommands(), process.argv.slice(2), processIo());
} catch (error) {
  process.stderr.write(`error: ${messageOf(error)}\n`);
  process.exitCode = EXIT_FAILURE;
}
