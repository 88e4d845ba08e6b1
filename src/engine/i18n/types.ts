export type Lang = 'en' | 'zh'

/** One message in both languages. `{name}` placeholders are filled from a diagnostic's or note's params. */
export interface Message {
  en: string
  zh: string
}

export type MessageTable = Record<string, Message>
