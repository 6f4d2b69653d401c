import { useEffect } from 'react'

/** Sets the tab title to "<title> · BharatBuild". */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · BharatBuild` : 'BharatBuild'
  }, [title])
}
