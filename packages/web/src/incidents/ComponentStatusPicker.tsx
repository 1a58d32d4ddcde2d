import { FormattedMessage, useIntl } from 'react-intl';
import { FieldError } from '../shared/fields.js';
import { COMPONENT_STATUSES, type ComponentChoice } from './statuses.js';
import { componentStatusLabel } from './staff-labels.js';
import type { ComponentStatus } from './types.js';

/** The choice and its API body live in statuses.ts (pure, tested there). */
export { choiceBody, type ComponentChoice } from './statuses.js';

interface PickerComponent {
  id: string;
  name: string;
  status: ComponentStatus;
}

/**
 * The affected components of an incident, an update or a maintenance: a checkbox per component and,
 * once it is ticked, the status it gets. `fresh` gives the status a newly ticked component starts with.
 */
export function ComponentStatusPicker(props: {
  id: string;
  legend: string;
  hint: string;
  components: readonly PickerComponent[];
  value: ComponentChoice;
  onChange: (value: ComponentChoice) => void;
  fresh: (component: PickerComponent) => ComponentStatus;
  error?: string | undefined;
}) {
  const intl = useIntl();
  const { id, value, onChange } = props;
  const toggle = (componentId: string, on: boolean) => {
    const next = new Map(value);
    if (on) {
      const component = props.components.find((c) => c.id === componentId);
      if (component) next.set(componentId, props.fresh(component));
    }
    else next.delete(componentId);
    onChange(next);
  };
  const setStatus = (componentId: string, status: ComponentStatus) => onChange(new Map(value).set(componentId, status));
  return (
    <fieldset className="component-picker" aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}>
      <legend>{props.legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {props.hint}
      </p>
      {props.components.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="incidents.form.noComponents" />
        </p>
      ) : (
        <ul className="plain checks">
          {props.components.map((component) => {
            const chosen = value.get(component.id);
            return (
              <li key={component.id} className="inline-fields">
                <label className="check">
                  <input type="checkbox" checked={chosen !== undefined} onChange={(e) => toggle(component.id, e.target.checked)} /> {component.name}{' '}
                  <span className="muted small">{intl.formatMessage({ id: 'incidents.form.componentNow' }, { status: componentStatusLabel(component.status, intl) })}</span>
                </label>
                {chosen !== undefined && (
                  <select
                    aria-label={intl.formatMessage({ id: 'incidents.form.componentStatus' }, { component: component.name })}
                    value={chosen}
                    onChange={(e) => setStatus(component.id, e.target.value as ComponentStatus)}
                  >
                    {COMPONENT_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {componentStatusLabel(status, intl)}
                      </option>
                    ))}
                  </select>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <FieldError id={`${id}-error`} message={props.error} />
    </fieldset>
  );
}
