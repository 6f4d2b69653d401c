import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { AppRoutes } from '@/App'
import { resetStoresOnLogout } from '@/store'
import { syncSessionAcrossTabs } from '@/store/userStore'
import '@/styles/global.css'
import '@/styles/execution.css'

resetStoresOnLogout()
syncSessionAcrossTabs()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </StrictMode>,
)
