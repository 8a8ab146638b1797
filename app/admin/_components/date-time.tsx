export const NONE = '—';

/** A date and time in one fixed format; `null` shows as a dash. */
export function DateTime({ value }: { value: Date | string | null }) {
  if (value === null) return NONE;
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}
