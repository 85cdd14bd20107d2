/**
 * One choice of several: radio buttons in a fieldset named by its legend, each labelled by its
 * words. The browser's own radio group gives the keyboard: Tab reaches the chosen one, the arrow
 * keys move the choice.
 */
import { Fragment, type ReactNode, useId } from 'react';

export interface RadioOption<Value extends string> {
  value: Value;
  label: ReactNode;
  disabled?: boolean;
  /** Said under the option and read with it. */
  hint?: ReactNode;
  /** The id of what else describes the option (a note elsewhere, a reason within its label). */
  describedBy?: string;
}

export function RadioChoice<Value extends string>({
  legend,
  options,
  value,
  onChange,
  className = 'field',
  describedBy,
  children,
}: {
  legend: ReactNode;
  options: readonly RadioOption<Value>[];
  /** The option chosen; null for none of them. */
  value: Value | null;
  onChange(value: Value): void;
  className?: string;
  /** The id of what describes the whole choice. */
  describedBy?: string;
  /** More of the choice after its options (the months of a period chosen by hand). */
  children?: ReactNode;
}) {
  const name = useId();
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {options.map((option) => {
        const hintId = option.hint ? `${name}-${option.value}-hint` : undefined;
        const described = [hintId, option.describedBy].filter(Boolean).join(' ') || undefined;
        return (
          <Fragment key={option.value}>
            <label className="choice">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                disabled={option.disabled}
                aria-describedby={described}
                onChange={() => onChange(option.value)}
              />
              {option.label}
            </label>
            {option.hint && (
              <p id={hintId} className="hint">
                {option.hint}
              </p>
            )}
          </Fragment>
        );
      })}
      {children}
    </fieldset>
  );
}
