import { useRef, useState } from 'react'
import { clampShare, shareAt, storedShare } from '@/components/common/splitSize'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { ChatPanel } from '@/components/leftPanel/ChatPanel/ChatPanel'
import { InputSection } from '@/components/leftPanel/InputSection/InputSection'
import { TerminalPanel } from '@/components/leftPanel/TerminalPanel/TerminalPanel'
import { useChat } from '@/hooks/useChat'
import { errorMessage } from '@/services/api/apiError'
import { useChatStore } from '@/store/chatStore'
import type { FileSummary } from '@/types/api'

const SPLIT_KEY = 'bharatbuild.split.chat'

export interface LeftPanelProps {
  projectId: string
  files: FileSummary[]
  openFile: string | null
}

/** The seed's left panel: chat (70%) over the terminal (30%), the input fixed at the bottom. */
export function LeftPanel({ projectId, files, openFile }: LeftPanelProps) {
  const chat = useChat(projectId, openFile)
  const messages = useChatStore((s) => s.messages)
  const loaded = useChatStore((s) => s.loaded)
  const busy = useChatStore((s) => s.streaming !== null)
  const [terminalCollapsed, setTerminalCollapsed] = useState(false)
  const [chatShare, setChatShare] = useState(() => storedShare(SPLIT_KEY, 70))
  const panel = useRef<HTMLElement | null>(null)
  const resize = (share: number) => {
    const next = clampShare(share)
    setChatShare(next)
    localStorage.setItem(SPLIT_KEY, String(next))
  }

  return (
    <aside className="left-panel" aria-label="AI chat" ref={panel}>
      <div
        className={`left-panel__chat${terminalCollapsed ? ' left-panel__chat--full' : ''}`}
        style={terminalCollapsed ? undefined : { flex: `${chatShare} 1 0` }}
      >
        {chat.loadError !== null ? (
          <Alert
            title="Could not load the conversation"
            actions={
              <Button size="small" onClick={() => void chat.load()}>
                Try again
              </Button>
            }
          >
            {errorMessage(chat.loadError)}
          </Alert>
        ) : (
          <ChatPanel
            loaded={loaded}
            messages={messages}
            busy={busy}
            onSend={(text) => void chat.send(text)}
            onDelete={(id) => void chat.remove(id)}
            onRegenerate={(id) => void chat.regenerate(id)}
            onRevert={chat.revert}
          />
        )}
      </div>
      {!terminalCollapsed && (
        <div
          className="left-panel__divider"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize chat and terminal"
          aria-valuemin={15}
          aria-valuemax={90}
          aria-valuenow={chatShare}
          tabIndex={0}
          onKeyDown={(event) => {
            if (event.key === 'ArrowUp') resize(chatShare - 5)
            if (event.key === 'ArrowDown') resize(chatShare + 5)
          }}
          onPointerDown={(event) => {
            const box = panel.current?.getBoundingClientRect()
            if (!box) return
            event.currentTarget.setPointerCapture(event.pointerId)
            const move = (moved: PointerEvent) =>
              resize(shareAt(moved.clientY - box.top, box.height))
            const stop = () => {
              window.removeEventListener('pointermove', move)
              window.removeEventListener('pointerup', stop)
            }
            window.addEventListener('pointermove', move)
            window.addEventListener('pointerup', stop)
          }}
        />
      )}
      <div
        className={`left-panel__terminal${terminalCollapsed ? ' left-panel__terminal--collapsed' : ''}`}
        style={terminalCollapsed ? undefined : { flex: `${100 - chatShare} 1 0` }}
      >
        <TerminalPanel
          collapsed={terminalCollapsed}
          onToggle={() => setTerminalCollapsed((value) => !value)}
          onAskAi={(text) => {
            useChatStore.getState().setMode('debugging')
            void chat.send(text)
          }}
        />
      </div>
      {chat.actionError && (
        <div className="left-panel__error" role="alert">
          {chat.actionError}
        </div>
      )}
      <InputSection
        files={files}
        onSend={(text) => void chat.send(text)}
        onStop={() => void chat.stop()}
      />
    </aside>
  )
}
