import type { MessageTable } from '../../engine/i18n/types'

/** The faults area's texts (joined into the app's table in i18n/messages.ts). */
export const faultMessages = {
} satisfies MessageTable
