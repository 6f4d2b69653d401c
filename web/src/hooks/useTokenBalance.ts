import { useEffect, useState } from 'react'
import { chatService } from '@/services/api/chatService'
import { useChatStore } from '@/store/chatStore'
import type { BalanceView } from '@/types/api'

/** Below this many available tokens the balance shows a warning. */
export const LOW_BALANCE = 5_000

/** The wallet's balance, reloaded whenever a reply ends. */
export function useTokenBalance() {
  const version = useChatStore((s) => s.balanceVersion)
  const [balance, setBalance] = useState<BalanceView | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    const controller = new AbortController()
    chatService
      .balance(controller.signal)
      .then((loaded) => {
        setBalance(loaded)
        setError(null)
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught)
      })
    return () => controller.abort()
  }, [version])

  const available = balance?.available ?? null
  return { balance, available, low: available !== null && available < LOW_BALANCE, error }
}
