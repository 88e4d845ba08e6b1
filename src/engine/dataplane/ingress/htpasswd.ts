import bcrypt from 'bcryptjs'
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { base64, utf8 } from '@scure/base'

/**
 * nginx auth_basic_user_file checking (ngx_http_auth_basic_module → ngx_crypt): `{PLAIN}`, `{SHA}`, `{SSHA}`,
 * `$apr1$` (Apache MD5) natively, anything else through the system crypt(3) — ingress-nginx's image is Alpine, whose
 * musl crypt knows bcrypt (`$2a$`/`$2b$`/`$2y$`). DES and `$1$`/`$5$`/`$6$` crypt are not emulated.
 */
export type HashScheme = 'plain' | 'sha' | 'ssha' | 'apr1' | 'bcrypt' | 'unsupported'

export function hashScheme(hash: string): HashScheme {
  if (hash.startsWith('{PLAIN}')) return 'plain'
  if (hash.startsWith('{SHA}')) return 'sha'
  if (hash.startsWith('{SSHA}')) return 'ssha'
  if (hash.startsWith('$apr1$')) return 'apr1'
  if (/^\$2[aby]\$\d\d\$/.test(hash)) return 'bcrypt'
  return 'unsupported'
}

/** The first line for the user, as nginx reads the file: `user:hash[:comment]`, `#` lines skipped. */
export function findUser(lines: string[], user: string): string | undefined {
  for (const line of lines) {
    if (line.startsWith('#')) continue
    const i = line.indexOf(':')
    if (i < 0 || line.slice(0, i) !== user) continue
    const rest = line.slice(i + 1)
    const j = rest.indexOf(':')
    return j >= 0 ? rest.slice(0, j) : rest
  }
  return undefined
}

export function checkPassword(hash: string, password: string): boolean {
  switch (hashScheme(hash)) {
    case 'plain':
      return hash.slice('{PLAIN}'.length) === password
    case 'sha':
      return base64.encode(sha1(utf8.decode(password))) === hash.slice('{SHA}'.length)
    case 'ssha': {
      // ngx_crypt_ssha: base64(sha1(password + salt) + salt)
      const raw = base64.decode(hash.slice('{SSHA}'.length))
      if (raw.length < 20) return false
      const salt = raw.slice(20)
      const pw = utf8.decode(password)
      const joined = new Uint8Array(pw.length + salt.length)
      joined.set(pw); joined.set(salt, pw.length)
      return equalBytes(sha1(joined), raw.slice(0, 20))
    }
    case 'apr1':
      return apr1(password, hash) === hash
    case 'bcrypt':
      // `$2y$` is the PHP/htpasswd spelling of the same algorithm as `$2b$`
      try {
        return bcrypt.compareSync(password, hash.replace(/^\$2y\$/, '$2b$'))
      } catch {
        return false
      }
    default:
      return false
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function to64(v: number, n: number): string {
  let s = ''
  while (--n >= 0) { s += ITOA64[v & 0x3f]; v >>= 6 }
  return s
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) { out.set(p, o); o += p.length }
  return out
}

/** apr_md5_encode (Apache's md5crypt with magic `$apr1$`), as ngx_crypt_apr1 computes it. */
export function apr1(password: string, setting: string): string {
  const magic = utf8.decode('$apr1$')
  const saltText = setting.slice(6).split('$')[0].slice(0, 8)
  const salt = utf8.decode(saltText)
  const pw = utf8.decode(password)
  let final = md5(concat(pw, salt, pw))
  const parts: Uint8Array[] = [pw, magic, salt]
  for (let pl = pw.length; pl > 0; pl -= 16) parts.push(final.slice(0, Math.min(pl, 16)))
  for (let i = pw.length; i; i >>= 1) parts.push(i & 1 ? new Uint8Array([0]) : pw.slice(0, 1))
  final = md5(concat(...parts))
  for (let i = 0; i < 1000; i++) {
    const p: Uint8Array[] = [i & 1 ? pw : final]
    if (i % 3) p.push(salt)
    if (i % 7) p.push(pw)
    p.push(i & 1 ? final : pw)
    final = md5(concat(...p))
  }
  const f = final
  const enc =
    to64((f[0] << 16) | (f[6] << 8) | f[12], 4) +
    to64((f[1] << 16) | (f[7] << 8) | f[13], 4) +
    to64((f[2] << 16) | (f[8] << 8) | f[14], 4) +
    to64((f[3] << 16) | (f[9] << 8) | f[15], 4) +
    to64((f[4] << 16) | (f[10] << 8) | f[5], 4) +
    to64(f[11], 2)
  return `$apr1$${saltText}$${enc}`
}
