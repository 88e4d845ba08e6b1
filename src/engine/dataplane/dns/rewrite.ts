import type { RewriteRule } from './corefile/config'
import type { DnsMessage } from './message'
import { canonical, fqdn } from './names'

/**
 * CoreDNS's rewrite plugin, `name` rules (coredns plugin/rewrite/name.go): the question's name is rewritten before
 * the rest of the chain sees it, and the response's question is put back. Answers are renamed back for `exact`
 * rules always, and for the other kinds with `answer auto` (README "Response Rewrites").
 */

export interface AppliedRewrite {
  rule: RewriteRule
  from: string
  to: string
}

// Go RE2 replacement `{1}` groups, as the rewrite README writes them
function regexReplace(pattern: string, template: string, name: string): string | undefined {
  let re: RegExp
  try {
    re = new RegExp(pattern, 'i')
  } catch {
    return undefined
  }
  const m = re.exec(name)
  if (!m) return undefined
  return template.replace(/\{(\d+)\}/g, (_, i: string) => m[Number(i)] ?? '')
}

function applyRule(rule: RewriteRule, name: string): string | undefined {
  const n = canonical(name)
  const from = rule.match === 'regex' ? rule.from : canonical(rule.from)
  const to = rule.match === 'regex' ? rule.to : canonical(rule.to)
  switch (rule.match) {
    case 'exact':
      return n === from ? to : undefined
    case 'prefix': {
      const f = rule.from.toLowerCase()
      return n.startsWith(f) ? `${rule.to.toLowerCase()}${n.slice(f.length)}` : undefined
    }
    case 'suffix':
      return n.endsWith(from) ? `${n.slice(0, n.length - from.length)}${to}` : undefined
    case 'substring': {
      const f = rule.from.toLowerCase()
      return n.includes(f) ? n.replace(f, rule.to.toLowerCase()) : undefined
    }
    case 'regex': {
      const r = regexReplace(rule.from, rule.to, n.slice(0, -1))
      return r === undefined ? undefined : fqdn(r)
    }
  }
}

/** The question name after the rules (in order, until a `stop` rule matched), and what was applied. */
export function rewriteQuestion(rules: RewriteRule[], name: string): { name: string; applied: AppliedRewrite[] } {
  let current = name
  const applied: AppliedRewrite[] = []
  for (const rule of rules) {
    const next = applyRule(rule, current)
    if (next === undefined) continue
    applied.push({ rule, from: current, to: next })
    current = next
    if (rule.stop) break
  }
  return { name: current, applied }
}

/** The response as the client sees it: its original question, and answers renamed back where the rule says so. */
export function rewriteResponse(m: DnsMessage, originalName: string, applied: AppliedRewrite[]): DnsMessage {
  if (applied.length === 0) return m
  let answer = m.answer
  for (const a of [...applied].reverse()) {
    if (a.rule.match !== 'exact' && !a.rule.answerAuto) continue
    answer = answer.map((rr) => (canonical(rr.name) === canonical(a.to) ? { ...rr, name: fqdn(a.from) } : rr))
  }
  return { ...m, question: { ...m.question, name: originalName }, answer }
}
