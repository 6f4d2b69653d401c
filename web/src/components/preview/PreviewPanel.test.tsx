import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PreviewPanel, previewAddress } from '@/components/preview/PreviewPanel'
import { installFakeFetch, jsonResponse } from '@/test/fakeServer'

const BASE = 'http://p0123456789abcdef0123456789abcdef.localhost:8081/'

afterEach(() => vi.unstubAllGlobals())

describe('previewAddress', () => {
  it('keeps paths on the preview origin and refuses others', () => {
    expect(previewAddress(BASE, '/about?x=1')).toBe(`${BASE}about?x=1`)
    expect(previewAddress(BASE, 'about')).toBe(`${BASE}about`)
    expect(previewAddress(BASE, '')).toBe(BASE)
    // an address without a leading slash is a path of the app, never another site
    expect(previewAddress(BASE, 'https://example.com/')).toBe(`${BASE}https://example.com/`)
    expect(previewAddress(BASE, '//example.com/')).toBeNull()
  })
})

describe('PreviewPanel', () => {
  it('goes to a path of the app typed in the address bar', async () => {
    installFakeFetch(({ url }) =>
      url.pathname === '/api/v1/projects/p1/preview'
        ? jsonResponse(200, { url: BASE, expiresAt: '2026-11-29T12:00:00Z' })
        : undefined,
    )
    render(<PreviewPanel projectId="p1" />)

    await userEvent.click(screen.getByRole('button', { name: 'Open preview' }))
    const frame = await screen.findByTitle('Preview of the running app')
    expect(frame).toHaveAttribute('src', BASE)

    const address = screen.getByRole('textbox', { name: 'Path in the app' })
    await userEvent.clear(address)
    await userEvent.type(address, '/about{Enter}')
    expect(screen.getByTitle('Preview of the running app')).toHaveAttribute('src', `${BASE}about`)

    await userEvent.clear(address)
    await userEvent.type(address, '//example.com/{Enter}')
    expect(screen.getByRole('status')).toHaveTextContent('own pages only')
    expect(screen.getByTitle('Preview of the running app')).toHaveAttribute('src', `${BASE}about`)
  })
})
