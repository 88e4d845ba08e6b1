import { AsnConvert } from '@peculiar/asn1-schema'
import { Certificate, SubjectAlternativeName, id_ce_subjectAltName, type Name } from '@peculiar/asn1-x509'
import type { PassThroughObject } from '../../cluster/types'
import { SCENARIO_EPOCH_MS } from '../../core/clock'
import { secretData } from './annotations'
import { decodeBase64Bytes } from './secrets'
import type { ServerCertificate } from './tls'

const OID_CN = '2.5.4.3'

/**
 * ssl.go getFakeHostSSLCert: the certificate the controller serves when no Secret applies — CN "Kubernetes Ingress
 * Controller Fake Certificate", O "Acme Co", SAN ingress.local, self-signed, valid one year from the controller's start.
 */
export function fakeCertificate(): ServerCertificate {
  return {
    secret: '',
    fake: true,
    subjectCN: 'Kubernetes Ingress Controller Fake Certificate',
    dnsNames: ['ingress.local'],
    issuerCN: 'Kubernetes Ingress Controller Fake Certificate',
    notBefore: new Date(SCENARIO_EPOCH_MS).toISOString(),
    notAfter: new Date(SCENARIO_EPOCH_MS + 365 * 24 * 3600 * 1000).toISOString(),
    selfSigned: true,
  }
}

/** The first PEM CERTIFICATE block of a text, as DER bytes. */
export function pemToDer(pem: string): Uint8Array | undefined {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)
  return m ? decodeBase64Bytes(m[1]) : undefined
}

function commonName(name: Name): string {
  for (const rdn of name) for (const attr of rdn) if (attr.type === OID_CN) return attr.value.toString()
  return ''
}

/** Subject equals issuer, byte for byte in DER: the certificate signed itself (OpenSSL's self-signed check starts so). */
function sameName(a: Name, b: Name): boolean {
  const x = new Uint8Array(AsnConvert.serialize(a))
  const y = new Uint8Array(AsnConvert.serialize(b))
  return x.length === y.length && x.every((v, i) => v === y[i])
}

/** Parses a PEM certificate (the `tls.crt` of a kubernetes.io/tls Secret); undefined when it is not one. */
export function parseCertificate(pem: string, secret: string): ServerCertificate | undefined {
  const der = pemToDer(pem)
  if (!der) return undefined
  try {
    const cert = AsnConvert.parse(der, Certificate)
    const tbs = cert.tbsCertificate
    const ext = tbs.extensions?.find((e) => e.extnID === id_ce_subjectAltName)
    const dnsNames = ext
      ? AsnConvert.parse(ext.extnValue, SubjectAlternativeName).map((n) => n.dNSName).filter((n): n is string => typeof n === 'string')
      : []
    return {
      secret,
      fake: false,
      subjectCN: commonName(tbs.subject),
      dnsNames,
      issuerCN: commonName(tbs.issuer),
      notBefore: tbs.validity.notBefore.getTime().toISOString(),
      notAfter: tbs.validity.notAfter.getTime().toISOString(),
      selfSigned: sameName(tbs.subject, tbs.issuer),
    }
  } catch {
    return undefined
  }
}

/**
 * Go's x509 VerifyHostname (SAN DNS names, `*.` matching one label), falling back to the Common Name as
 * controller.go's verifyHostname does ("Validating certificate against DNS names. This will be deprecated").
 */
export function certificateCoversHost(cert: ServerCertificate, host: string): boolean {
  const names = cert.dnsNames.length ? cert.dnsNames : []
  const match = (pattern: string) => {
    const p = pattern.toLowerCase(), h = host.toLowerCase()
    if (p === h) return true
    if (p.startsWith('*.')) {
      const dot = h.indexOf('.')
      return dot > 0 && h.slice(dot + 1) === p.slice(2)
    }
    return false
  }
  return names.some(match) || match(cert.subjectCN)
}

/**
 * controller.go createServers: the certificate a server gets from its TLS Secret. A missing Secret, one without a
 * valid certificate, or one whose names do not cover the host gives the default (fake) certificate.
 */
export function serverCertificate(secret: PassThroughObject | undefined, host: string): ServerCertificate {
  if (!secret) return fakeCertificate()
  const pem = secretData(secret)['tls.crt']
  const cert = pem ? parseCertificate(pem, `${secret.namespace}/${secret.name}`) : undefined
  if (!cert) return fakeCertificate()
  if (host !== '_' && !certificateCoversHost(cert, host)) return fakeCertificate()
  return cert
}

/**
 * What curl says when it does not trust the certificate (no -k): curl prints `curl: (60) <this>` followed by
 * CURL_CA_CERT_ERRORMSG. OpenSSL 3 names a self-signed leaf "self-signed certificate"
 * (X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT); the playground's clients trust no CA, so any other chain ends in
 * "unable to get local issuer certificate". The chain is checked before the name, so these come first.
 */
export function curlVerifyError(cert: ServerCertificate): string {
  return cert.selfSigned ? 'SSL certificate problem: self-signed certificate' : 'SSL certificate problem: unable to get local issuer certificate'
}

/** curl's src/tool_operate.c CURL_CA_CERT_ERRORMSG, printed after a (60) error. */
export const CURL_CA_CERT_ERRORMSG =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the webpage mentioned above.\n'
