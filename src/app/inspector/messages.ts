import type { MessageTable } from '../../engine/i18n/types'

/** The inspector area's texts (joined into the app's table in i18n/messages.ts). */
export const inspectorMessages = {
} satisfies MessageTable
