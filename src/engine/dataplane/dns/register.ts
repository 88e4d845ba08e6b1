import { setResolver } from '../../trace/resolve'
import { dnsResolver } from './trace'

/** Imported once (by the shell's command registry): from then on the packet walk resolves names through DNS. */
setResolver(dnsResolver)
