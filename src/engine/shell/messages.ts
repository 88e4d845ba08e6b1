import type { MessageTable } from '../i18n/types'

export const shellMessages: MessageTable = {}
