import { Fragment, type FormEvent, type HTMLInputTypeAttribute, type ReactNode } from 'react';
import { describedBy, ErrorSummary, FieldMessage, type FieldError } from './error-summary.js';

export { ErrorSummary, type FieldError };
export { errorsOf } from '../lib/form-errors.js';

/**
 * Every form of the app is made of these (GOV.UK's pattern): a label, a hint, the error message
 * under the label, all three tied to the control by id and aria-describedby; the error summary
 * on top of the form links to the field at fault. What a person types is `dir="auto"` (an Arabic
 * name in a French page reads right); codes, addresses and passwords are left to right.
 */

interface FieldProps {
  /** The control's id: the error summary links to it, the API's errors name it (errorsOf). */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: FieldError[];
  className?: string;
  /** The label is also the heading of its part of the page (« Commenter », « Renvoyer »). */
  labelAs?: 'h2' | 'h3';
}

const invalid = (id: string, errors: FieldError[]) => errors.some((e) => e.field === id);
const hintId = (props: FieldProps) => (props.hint ? `${props.id}-hint` : undefined);

/** A labelled field around any control: `children` gets the aria-describedby to put on it. */
export function Field(props: FieldProps & { children: (describedBy: string | undefined) => ReactNode }) {
  return (
    <div className={`field${invalid(props.id, props.errors) ? ' field-error' : ''}${cls(props.className)}`}>
      {props.labelAs ? (
        <props.labelAs>
          <label htmlFor={props.id}>{props.label}</label>
        </props.labelAs>
      ) : (
        <label htmlFor={props.id}>{props.label}</label>
      )}
      {props.hint && (
        <p className="hint" id={hintId(props)}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={props.id} errors={props.errors} />
      {props.children(describedBy(props.id, props.errors, hintId(props)))}
    </div>
  );
}

const cls = (name?: string) => (name ? ` ${name}` : '');
// Addresses and passwords read left to right in any page; dates and numbers follow the browser.
const defaultDir = (type?: HTMLInputTypeAttribute) =>
  type === 'email' || type === 'password' ? 'ltr' : type === 'date' || type === 'number' ? undefined : 'auto';

/** A one-line text, e-mail, password, number or date field. */
export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    type?: HTMLInputTypeAttribute;
    /** `auto` (the default) for words a person writes; `ltr` for codes, addresses, passwords. */
    dir?: 'auto' | 'ltr' | 'rtl';
    lang?: string;
    autoComplete?: string;
    spellCheck?: boolean;
    inputClassName?: string;
    min?: number | string;
    max?: number | string;
  },
) {
  return (
    <Field {...props}>
      {(d) => (
        <input
          id={props.id}
          type={props.type ?? 'text'}
          dir={props.dir ?? defaultDir(props.type)}
          lang={props.lang}
          className={props.inputClassName}
          autoComplete={props.autoComplete}
          spellCheck={props.spellCheck}
          min={props.min}
          max={props.max}
          value={props.value}
          aria-describedby={d}
          aria-invalid={invalid(props.id, props.errors) || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** Several lines a person writes (a comment, a reason). */
export function TextArea(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    rows?: number;
    lang?: string;
    readOnly?: boolean;
    /** `auto` by default; `rtl` for a field meant for Arabic (right to left even while empty). */
    dir?: 'auto' | 'rtl' | 'ltr';
  },
) {
  return (
    <Field {...props}>
      {(d) => (
        <textarea
          id={props.id}
          dir={props.dir ?? 'auto'}
          lang={props.lang}
          rows={props.rows ?? 4}
          readOnly={props.readOnly}
          value={props.value}
          aria-describedby={d}
          aria-invalid={invalid(props.id, props.errors) || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The language of the label, when it is a language's own name. */
  lang?: string;
  /** The box's id, when `${group id}-${value}` will not do (an empty value). */
  id?: string;
  /** A heading over the boxes that follow (a questionnaire's section), given on the first of them. */
  section?: ReactNode;
}

/** One choice in a list; `placeholder` is a first empty option (« Choisir… »). */
export function SelectField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    options: Choice[];
    placeholder?: string;
    dir?: 'auto' | 'ltr';
  },
) {
  return (
    <Field {...props}>
      {(d) => (
        <select
          id={props.id}
          dir={props.dir}
          value={props.value}
          aria-describedby={d}
          aria-invalid={invalid(props.id, props.errors) || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface GroupExtras {
  /** Buttons between the hint and the boxes (« all », « none »). */
  actions?: ReactNode;
  /** A class for a wrapper around the boxes (a grid of many countries). */
  listClassName?: string;
  /** The errors name the group (`id`, the fieldset, focusable), not its first box. */
  groupErrors?: boolean;
}

const Boxes = ({ className, children }: { className?: string; children: ReactNode }) =>
  className ? <div className={className}>{children}</div> : <>{children}</>;

/** The id of a box of a group: `${group}-${value}`. */
export const boxId = (group: string, option: Choice) => option.id ?? `${group}-${option.value}`;

/**
 * A group of radio buttons or checkboxes under one legend; each box is `${id}-${value}`. The
 * group's errors are given for its first box's id, where the error summary leads.
 */
function ChoiceGroup(
  props: Omit<FieldProps, 'id'> & {
    id: string;
    type: 'radio' | 'checkbox';
    options: Choice[];
    checked: (value: string) => boolean;
    onToggle: (value: string, on: boolean) => void;
  } & GroupExtras,
) {
  const { id, errors } = props;
  // A long group (countries) takes the errors itself: its first box may change with the sort.
  const first = props.groupErrors ? id : props.options[0] ? boxId(id, props.options[0]) : id;
  const hint = props.hint ? `${id}-hint` : undefined;
  return (
    <fieldset
      id={props.groupErrors ? id : undefined}
      tabIndex={props.groupErrors ? -1 : undefined}
      className={`field${invalid(first, errors) ? ' field-error' : ''}${cls(props.className)}`}
      aria-describedby={describedBy(first, errors, hint)}
    >
      <legend>{props.label}</legend>
      {props.hint && (
        <p className="hint" id={hint}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={first} errors={errors} />
      {props.actions}
      <Boxes className={props.listClassName}>
        {props.options.map((option) => {
          const box = boxId(id, option);
          return (
            <Fragment key={option.value}>
              {option.section && <p className="checkbox-section">{option.section}</p>}
              <div className="checkbox">
                <input
                  id={box}
                  type={props.type}
                  name={id}
                  value={option.value}
                  checked={props.checked(option.value)}
                  aria-describedby={option.hint ? `${box}-hint` : undefined}
                  onChange={(e) => props.onToggle(option.value, e.target.checked)}
                />
                <div>
                  <label htmlFor={box} lang={option.lang}>
                    {option.label}
                  </label>
                  {option.hint && (
                    <p className="hint" id={`${box}-hint`}>
                      {option.hint}
                    </p>
                  )}
                </div>
              </div>
            </Fragment>
          );
        })}
      </Boxes>
    </fieldset>
  );
}

export function RadioGroup(
  props: FieldProps & { value: string; onChange: (value: string) => void; options: Choice[] },
) {
  return (
    <ChoiceGroup
      {...props}
      type="radio"
      checked={(v) => v === props.value}
      onToggle={(v, on) => on && props.onChange(v)}
    />
  );
}

/** Checkboxes; `values` keeps the options' order whatever order they are ticked in. */
export function CheckboxGroup(
  props: FieldProps & GroupExtras & { values: string[]; onChange: (values: string[]) => void; options: Choice[] },
) {
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      checked={(v) => props.values.includes(v)}
      onToggle={(v, on) =>
        props.onChange(props.options.map((o) => o.value).filter((o) => (o === v ? on : props.values.includes(o))))
      }
    />
  );
}

/**
 * A form: the error summary at its top (inside it, so that a page with several forms keeps each
 * summary with its own), the browser's own checks off (ours speak plainly).
 */
export function Form(props: {
  errors: FieldError[];
  onSubmit: () => void | Promise<void>;
  children: ReactNode;
  className?: string;
}) {
  return (
    <form
      className={props.className}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void props.onSubmit();
      }}
    >
      <ErrorSummary errors={props.errors} />
      {props.children}
    </form>
  );
}
