import express from 'express'

const app = express()
const port = Number(process.env.PORT ?? 3000)

app.get('/', (request, response) => {
  response.send('<h1>Hello from Express</h1><p>Try <a href="/api/hello">/api/hello</a>.</p>')
})

app.get('/api/hello', (request, response) => {
  response.json({ message: 'Hello from Express' })
})

app.listen(port, () => {
  console.log(`Listening on http://localhost:${port}/`)
})
