import { useEffect, useState } from 'react'
import { ChatInput } from '@/components/leftPanel/InputSection/ChatInput'
import { FileAttachment } from '@/components/leftPanel/InputSection/FileAttachment'
import { QuickActions } from '@/components/leftPanel/InputSection/QuickActions'
import { TokenBalance } from '@/components/leftPanel/InputSection/TokenBalance'
import { chatService } from '@/services/api/chatService'
import { useChatStore } from '@/store/chatStore'
import type { ChatMode, FileSummary, ModelInfo } from '@/types/api'
import { CHAT_MODES } from '@/types/chat.types'

export interface InputSectionProps {
  files: FileSummary[]
  onSend: (text: string) => void
  onStop: () => void
}

/** The fixed bottom of the left panel: balance, pickers, attachments and the message box. */
export function InputSection({ files, onSend, onStop }: InputSectionProps) {
  const [text, setText] = useState('')
  const streaming = useChatStore((s) => s.streaming !== null)
  const mode = useChatStore((s) => s.mode)
  const model = useChatStore((s) => s.model)
  const attached = useChatStore((s) => s.attachedFiles)
  const setMode = useChatStore((s) => s.setMode)
  const setModel = useChatStore((s) => s.setModel)
  const toggleAttachment = useChatStore((s) => s.toggleAttachment)
  const [models, setModels] = useState<ModelInfo[]>([])

  useEffect(() => {
    const controller = new AbortController()
    chatService
      .models(controller.signal)
      .then(setModels)
      .catch(() => setModels([]))
    return () => controller.abort()
  }, [])

  const selectedModel = model ?? models.find((m) => m.isDefault)?.id ?? models[0]?.id ?? ''

  function send() {
    if (text.trim() === '' || streaming) return
    onSend(text)
    setText('')
  }

  return (
    <section className="input-section" aria-label="Message input">
      <div className="input-section__bar">
        <TokenBalance />
        <label className="input-section__picker">
          <span className="visually-hidden">Mode</span>
          <select
            aria-label="Mode"
            value={mode}
            onChange={(event) => setMode(event.target.value as ChatMode)}
          >
            {CHAT_MODES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="input-section__picker">
          <span className="visually-hidden">Model</span>
          <select
            aria-label="Model"
            value={selectedModel}
            onChange={(event) => setModel(event.target.value)}
            disabled={models.length === 0}
          >
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QuickActions onPick={setText} disabled={streaming} />
      <FileAttachment files={files} attached={attached} onToggle={toggleAttachment} />
      <ChatInput
        value={text}
        onChange={setText}
        onSend={send}
        streaming={streaming}
        onStop={onStop}
      />
    </section>
  )
}
