/**
 * The canvas SVG rasterised to PNG: the SVG goes into an <img> as a data: URL (the page's CSP allows `img-src data:`,
 * not blob:), is drawn on a canvas at `scale`, and comes out as a PNG blob. A data: SVG without foreignObject does
 * not taint the canvas, so toBlob works.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image()
  img.decoding = 'async'
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await img.decode()
  // Browsers cap a canvas near 16k px a side (and 268M px in all): scale down rather than fail on a large scenario.
  const s = Math.min(scale, 16000 / width, 16000 / height, Math.sqrt(200_000_000 / (width * height)))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(width * s))
  canvas.height = Math.max(1, Math.round(height * s))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.scale(s, s)
  ctx.drawImage(img, 0, 0, width, height)
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'))
}
