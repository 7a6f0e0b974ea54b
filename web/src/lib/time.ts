import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The API speaks UTC; the offices work on Beijing time whatever the browser's clock says (a laptop
 * set to UTC, a visitor abroad), so times are always shown in Asia/Shanghai.
 */
export const officeTimeZone = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs.utc(iso).tz(officeTimeZone).format('YYYY-MM-DD HH:mm:ss');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs.utc(iso).tz(officeTimeZone).format('YYYY-MM-DD');
}
