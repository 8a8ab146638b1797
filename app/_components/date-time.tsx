export const NONE = '—';

/** A date and time in one fixed format; `null` shows as a dash. */
export function DateTime({ value }: { value: Date | null }) {
  if (value === null) return NONE;
  return (
    <time dateTime={value.toISOString()} className="whitespace-nowrap">
      {value.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}
