/** The JSON Schema of a pack file, for editors (YAML language servers read it via `# yaml-language-server: $schema=`). */
import * as z from 'zod';
import { packSchema } from './schema/pack.js';

export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(packSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://hourglass.dev/schema/policy-pack.schema.json',
    title: 'Hourglass policy pack',
    description: 'A provider’s calendars, priorities, plans, targets, lifecycle rules, channels, languages and intake forms, in versions.',
    ...schema,
  };
}
