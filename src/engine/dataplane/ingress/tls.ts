/** The certificate a server presents (parsed from its TLS Secret, or the controller's fake one). */
export interface ServerCertificate {
  /** `namespace/name` of the Secret, or '' for the controller's fake certificate. */
  secret: string
  fake: boolean
  subjectCN: string
  dnsNames: string[]
  issuerCN: string
  notBefore: string
  notAfter: string
  selfSigned: boolean
}
