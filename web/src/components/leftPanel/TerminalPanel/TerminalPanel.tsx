import { useState } from 'react'

const TABS = ['Terminal', 'Problems', 'Output'] as const

/** A placeholder for the seed's terminal: its tabs, collapsible; runs come with execution. */
export function TerminalPanel({
  collapsed,
  onToggle,
}: {
  collapsed: boolean
  onToggle: () => void
}) {
  const [tab, setTab] = useState<(typeof TABS)[number]>('Terminal')
  return (
    <section className="terminal-panel" aria-label="Terminal panel">
      <div className="terminal-panel__tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className="terminal-panel__tab"
            onClick={() => setTab(name)}
          >
            {name}
          </button>
        ))}
        <button
          type="button"
          className="terminal-panel__toggle"
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Show terminal' : 'Hide terminal'}
          onClick={onToggle}
        >
          {collapsed ? '▴' : '▾'}
        </button>
      </div>
      {!collapsed && (
        <div className="terminal-panel__body" role="tabpanel" aria-label={tab}>
          Runs arrive with the execution feature.
        </div>
      )}
    </section>
  )
}
