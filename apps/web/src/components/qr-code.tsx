import { useMemo } from 'react'
import { encode } from 'uqr'

/** Builds one SVG path of the dark modules; pure, so it is tested without a browser. */
export function qrPath(value: string): { size: number; d: string } {
  const { data, size } = encode(value, { ecc: 'M', border: 2 })
  let d = ''
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`
    })
  })
  return { size, d }
}

/** QR code drawn as SVG elements: no canvas, no data URL, nothing a strict CSP would block. */
export function QrCode({ value, label, pixels = 220 }: { value: string; label: string; pixels?: number }) {
  const { size, d } = useMemo(() => qrPath(value), [value])
  return (
    <svg
      width={pixels}
      height={pixels}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      className="qr-code"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  )
}
