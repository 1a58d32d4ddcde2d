/** Intake forms must only name fields, prefixes and groups that exist. */
import type { RawProblem } from '../parse/issues.js';
import type { DataPath } from '../parse/paths.js';
import type { IntakeData } from '../schema/intake.js';
import { checkUnique, choices } from './unique.js';

const SID_PREFIX = /^[A-Z]{2}$/;

export function checkIntake(intake: IntakeData, base: DataPath, problems: RawProblem[]): void {
  const kinds = new Set(Object.keys(intake.sid_format?.kinds ?? {}));
  for (const prefix of kinds) {
    if (!SID_PREFIX.test(prefix)) problems.push({ path: [...base, 'sid_format', 'kinds', prefix], message: `"${prefix}" is not a two-letter capital prefix such as CA or SM` });
  }
  checkUnique(intake.forms, [...base, 'forms'], 'intake form', problems);
  intake.forms.forEach((form, i) => {
    const formPath = [...base, 'forms', i];
    const fields = checkUnique(form.fields, [...formPath, 'fields'], 'field', problems);
    form.fields.forEach((field, j) => {
      const fieldPath = [...formPath, 'fields', j];
      if (field.type === 'sid_list') {
        if (!intake.sid_format) problems.push({ path: fieldPath, message: 'a sid_list field needs intake.sid_format (the prefixes and hex length)' });
        field.sid_prefixes?.forEach((p, k) => {
          if (!kinds.has(p)) problems.push({ path: [...fieldPath, 'sid_prefixes', k], message: `unknown SID prefix "${p}"; sid_format.kinds defines ${choices(kinds)}` });
        });
        if (field.examples && (field.examples.min < 1 || field.examples.max < field.examples.min)) {
          problems.push({ path: [...fieldPath, 'examples'], message: 'examples needs 1 <= min <= max' });
        }
      }
      if (field.type === 'select' && !field.options?.length) problems.push({ path: fieldPath, message: 'a select field needs options' });
      if (field.recency && field.type !== 'datetime') problems.push({ path: [...fieldPath, 'recency'], message: 'recency applies to datetime fields only' });
    });
    const known = (id: string, path: DataPath) => {
      if (!fields.has(id)) problems.push({ path, message: `unknown field "${id}"; this form defines ${choices(fields)}` });
    };
    form.abridged?.required.forEach((id, k) => known(id, [...formPath, 'abridged', 'required', k]));
    form.abridged?.any_of?.forEach((group, k) => group.forEach((id, m) => known(id, [...formPath, 'abridged', 'any_of', k, m])));
    for (const id of Object.keys(form.abridged?.recency ?? {})) {
      const path = [...formPath, 'abridged', 'recency', id];
      const field = form.fields.find((f) => f?.id === id);
      if (!field) known(id, path);
      else if (field.type !== 'datetime') problems.push({ path, message: `recency applies to datetime fields only; "${id}" is a ${field.type} field` });
    }
  });
}
