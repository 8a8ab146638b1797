import { encode } from 'uqr';

/**
 * A QR code drawn as an inline <svg> (one path of dark modules): no image request and
 * no data: URI, which the page's CSP does not allow. Always dark on white, in both
 * themes, since scanners want contrast, with the quiet zone the standard asks for.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const path = data
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
    .join('');
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      className="size-48 rounded-md bg-white"
      shapeRendering="crispEdges"
    >
      <path d={path} fill="#000" />
    </svg>
  );
}
