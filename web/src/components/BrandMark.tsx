import { brandRed } from '../app/theme.ts';

/** Two overlapping rings, 同心 ("one heart"): the mark on the sign-in page and in the side bar. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill={brandRed} />
      <circle cx="26" cy="32" r="13" fill="none" stroke="#fff" strokeWidth="5" />
      <circle cx="38" cy="32" r="13" fill="none" stroke="#ffd666" strokeWidth="5" />
    </svg>
  );
}
