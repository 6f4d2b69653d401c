import { api } from '@/services/api/client'
import type { HistoryPage } from '@/types/api'

export type HistoryKind =
  'ai_usage' | 'purchase' | 'grant' | 'subscription' | 'refund' | 'adjustment'

/** The wallet's history, a page at a time. */
export const tokenService = {
  history(
    query: { page: number; size: number; kind?: HistoryKind },
    signal?: AbortSignal,
  ): Promise<HistoryPage> {
    return api.get('/api/v1/tokens/history', { query, signal })
  },
}
