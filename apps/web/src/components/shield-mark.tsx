export function ShieldMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 4 6v9c0 7.5 5.1 13.4 12 15 6.9-1.6 12-7.5 12-15V6L16 2z" fill="#1c4e80" />
      <path d="M16 6.5 8 9.2v5.9c0 5 3.4 9 8 10.3V6.5z" fill="#f2c94c" />
    </svg>
  )
}
