import { useRef } from 'react'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { ChatPanel } from '@/components/leftPanel/ChatPanel/ChatPanel'
import { InputSection } from '@/components/leftPanel/InputSection/InputSection'
import { TerminalPanel } from '@/components/leftPanel/TerminalPanel/TerminalPanel'
import { SplitDivider } from '@/components/workbench/SplitDivider'
import { useStoredShare } from '@/components/workbench/useStoredShare'
import { useChat } from '@/hooks/useChat'
import { errorMessage } from '@/services/api/apiError'
import { useChatStore } from '@/store/chatStore'
import { useExecutionStore } from '@/store/executionStore'
import type { FileSummary } from '@/types/api'

const SPLIT_KEY = 'bharatbuild.split.chat'

export interface LeftPanelProps {
  projectId: string
  files: FileSummary[]
  openFile: string | null
}

/**
 * The seed's left panel: chat (70%) over the terminal (30%), the input fixed at the bottom. A
 * closed terminal stays mounted but hidden (its shell keeps its session) and a "Terminal" button
 * under the chat brings it back.
 */
export function LeftPanel({ projectId, files, openFile }: LeftPanelProps) {
  const chat = useChat(projectId, openFile)
  const messages = useChatStore((s) => s.messages)
  const loaded = useChatStore((s) => s.loaded)
  const busy = useChatStore((s) => s.streaming !== null)
  const terminal = useExecutionStore((s) => s.terminal)
  const setTerminal = useExecutionStore((s) => s.setTerminal)
  const closed = terminal === 'closed'
  const terminalCollapsed = terminal === 'minimised' || closed
  const [chatShare, setChatShare] = useStoredShare(SPLIT_KEY, 70)
  const panes = useRef<HTMLDivElement | null>(null)

  return (
    <aside className="left-panel" aria-label="AI chat">
      <div className="left-panel__panes" ref={panes}>
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
          <SplitDivider
            orientation="horizontal"
            share={chatShare}
            onChange={setChatShare}
            container={panes}
            label="Resize chat and terminal"
          />
        )}
        <div
          className={`left-panel__terminal${terminalCollapsed ? ' left-panel__terminal--collapsed' : ''}`}
          style={terminalCollapsed ? undefined : { flex: `${100 - chatShare} 1 0` }}
          hidden={closed}
        >
          <TerminalPanel
            onAskAi={(text) => {
              useChatStore.getState().setMode('debugging')
              void chat.send(text)
            }}
          />
        </div>
      </div>
      {closed && (
        <div className="left-panel__statusbar">
          <button
            type="button"
            className="left-panel__statusbar-button"
            aria-label="Open terminal"
            onClick={() => setTerminal('docked')}
          >
            ▸ Terminal
          </button>
        </div>
      )}
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
