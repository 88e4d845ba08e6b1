export { encodeShare, decodeShare, encodeShareFile, decodeShareFile, shareFragment, isShareFragment, shareOffer, FRAGMENT_PREFIX, type ShareOffer } from './codec'
export { shareMessages, shareErrorMessage } from './messages'
export { LIMITS, LINK_LIMIT } from './limits'
export type { ShareState, ShareError, DecodeResult } from './types'
