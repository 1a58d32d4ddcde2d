/** `hourglass policy schema`: the JSON Schema of policy pack files, for editors and other tools. */
import { packJsonSchema } from '@hourglass/policy';
import { parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { writeLine } from '../../io.js';

export const POLICY_SCHEMA_HELP = `hourglass policy schema: print the JSON Schema of policy pack files

Usage:
  hourglass policy schema > policy-pack.schema.json

Point an editor's YAML support at the file to get completion and checks while editing a pack.

Flags:
  -h, --help   show this help`;

export const policySchemaCommand: Command = {
  path: ['policy', 'schema'],
  summary: 'print the JSON Schema of policy pack files',
  help: POLICY_SCHEMA_HELP,
  async run(args, io) {
    const parsed = parseFlags(args, {});
    if (wantsHelp(parsed)) {
      writeLine(io.stdout, POLICY_SCHEMA_HELP);
      return 0;
    }
    writeLine(io.stdout, JSON.stringify(packJsonSchema(), null, 2));
    return 0;
  },
};
