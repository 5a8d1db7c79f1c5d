import { useId, type TextareaHTMLAttributes } from 'react';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value'> & {
  label: string;
  value: string;
  /** Characters allowed (after trimming); shown as a live counter. */
  max: number;
  hint: string;
  error?: string;
};

/** A labelled multi-line field with a character counter; its hint turns into the error when there is one. */
export function TextAreaField({ label, value, max, hint, error, ...rest }: TextAreaFieldProps) {
  const id = useId();
  const length = value.trim().length;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-300">
        {label}
      </label>
      <textarea
        id={id}
        {...rest}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        className={`resize-y rounded-lg border bg-zinc-900 px-3 py-2 text-zinc-100 placeholder:text-zinc-400 focus:outline-none focus:ring-2 focus:ring-accent-500 ${error ? 'border-red-500' : 'border-zinc-700'}`}
      />
      <p id={`${id}-help`} className={`flex justify-between gap-3 text-xs ${error ? 'text-red-400' : 'text-zinc-400'}`}>
        <span role={error ? 'alert' : undefined}>{error ?? hint}</span>
        <span className={length > max ? 'text-red-400' : undefined}>
          {length}/{max}
        </span>
      </p>
    </div>
  );
}
