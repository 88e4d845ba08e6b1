import type { MessageTable } from '../i18n/types'

export const traceMessages: MessageTable = {}
