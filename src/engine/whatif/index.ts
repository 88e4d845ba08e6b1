export { applyWhatIf } from './apply'
export { whatIfMessages } from './messages'
export type { WhatIfOp, WhatIfResult, WhatIfMessage } from './types'
