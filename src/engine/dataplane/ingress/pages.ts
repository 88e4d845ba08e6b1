/**
 * nginx's own responses: the status line texts (ngx_http_status_lines) and the built-in error pages
 * (ngx_http_special_response.c: `<html>` … `<hr><center>nginx</center>`; ingress-nginx runs with
 * server_tokens off, so no version), with nginx's CRLF line ends.
 */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 204: 'No Content', 301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
}

/** The title nginx's error page uses, which differs from the status line for 302 and 401. */
const PAGE_TITLE: Record<number, string> = { 302: 'Found', 401: 'Authorization Required' }

export function nginxErrorPage(status: number): string {
  const title = `${status} ${PAGE_TITLE[status] ?? STATUS_TEXT[status] ?? ''}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}
