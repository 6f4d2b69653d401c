import { api } from '@/services/api/client'
import type { HistoryPage, OrderView, TokenPackage } from '@/types/api'

export type HistoryKind =
  'ai_usage' | 'purchase' | 'grant' | 'subscription' | 'refund' | 'adjustment'

/** The wallet: its history a page at a time, and buying tokens. */
export const tokenService = {
  history(
    query: { page: number; size: number; kind?: HistoryKind },
    signal?: AbortSignal,
  ): Promise<HistoryPage> {
    return api.get('/api/v1/tokens/history', { query, signal })
  },

  packages(signal?: AbortSignal): Promise<TokenPackage[]> {
    return api.get('/api/v1/tokens/packages', { signal })
  },

  /** Buys a package; the order says whether the tokens were credited or where to pay. */
  purchase(packageId: string): Promise<OrderView> {
    return api.post('/api/v1/tokens/purchase', { body: { packageId } })
  },
}
