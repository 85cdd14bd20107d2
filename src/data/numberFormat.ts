/** Number formats used on screen and in exports (UK English). */
const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const twoDecimals = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Counts are whole except where offence times were spread over several hours. */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? wholeNumber.format(value) : oneDecimal.format(value);
}

/** Rates per 1,000: one decimal place, two below 1 so that small rates do not all read "0.x". */
export function formatRate(value: number | null): string {
  if (value === null) return '–';
  return Math.abs(value) < 1 ? twoDecimals.format(value) : oneDecimal.format(value);
}

export function formatPercent(share: number): string {
  return `${oneDecimal.format(share * 100)}%`;
}

/** "15:00" */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "15:00–17:59" for hours 15 to 17. */
export function formatHourRange(from: number, to: number): string {
  return `${formatHour(from)}–${String(to).padStart(2, '0')}:59`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });

/** "3 December 2026 at 09:30" from an ISO date-time; the text as it is when it is not one. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}
