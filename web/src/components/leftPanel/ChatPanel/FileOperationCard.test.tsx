import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { FileOperationCard } from '@/components/leftPanel/ChatPanel/FileOperationCard'
import type { FileOperation } from '@/types/chat.types'

const op = (patch: string): FileOperation => ({
  id: 'op1',
  type: 'modify',
  path: 'src/App.tsx',
  description: 'Adds a reset button',
  status: 'complete',
  patch,
  to: null,
  error: null,
})

describe('FileOperationCard', () => {
  it('opens to a diff view of the change, and to the patch text on request', async () => {
    render(<FileOperationCard operation={op('@@ -1,2 +1,2 @@\n keep\n-old\n+new\n')} />)
    await userEvent.click(screen.getByRole('button', { name: 'Show changes' }))

    const diff = await screen.findByTestId('diff-editor')
    expect(screen.getByRole('region', { name: 'Changes to src/App.tsx' })).toContainElement(diff)
    expect(screen.getByLabelText('src/App.tsx before')).toHaveTextContent('keep old')
    expect(screen.getByLabelText('src/App.tsx after')).toHaveTextContent('keep new')

    await userEvent.click(screen.getByRole('button', { name: 'Show the patch text' }))
    expect(screen.queryByTestId('diff-editor')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Changes to src/App.tsx')).toHaveTextContent('-old')
  })

  it('shows the patch text when there is nothing to compare', async () => {
    render(<FileOperationCard operation={op('not a unified diff')} />)
    await userEvent.click(screen.getByRole('button', { name: 'Show changes' }))
    expect(screen.getByLabelText('Changes to src/App.tsx')).toHaveTextContent('not a unified diff')
    expect(screen.queryByTestId('diff-editor')).not.toBeInTheDocument()
  })
})
