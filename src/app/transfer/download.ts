/**
 * Saving files from the page: a blob: URL clicked through an <a download>, revoked afterwards. Nothing leaves the
 * browser, and blob: stays within the page's Content-Security-Policy.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // the download has taken the URL by the next task; revoking at once can cancel it in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }))
}

/** A file name from a scenario name: what a file system accepts everywhere. */
export function safeFileName(name: string, fallback = 'scenario'): string {
  const s = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80)
  return s || fallback
}
