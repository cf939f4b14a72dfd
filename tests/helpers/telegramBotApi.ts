import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type SentMessage = { token: string; chatId: unknown; text: string; parseMode: unknown }

export type BotApiStandIn = {
  url: string
  sent: SentMessage[]
  /** Answers to give before succeeding again, in order (e.g. [502, 429]). */
  failNext: (...statuses: number[]) => void
  /** Calls seen, failed ones included. */
  calls: () => number
  close: () => Promise<void>
}

/**
 * A local stand-in for the Telegram Bot API (real HTTP): POST /bot<token>/sendMessage with JSON,
 * answering as Telegram does ({ok, result} or {ok: false, error_code, description}; 429 with
 * parameters.retry_after). Only `token` is accepted; other tokens get 401 Unauthorized.
 */
export const startBotApiStandIn = async (token: string): Promise<BotApiStandIn> => {
  const sent: SentMessage[] = []
  const failures: number[] = []
  let calls = 0
  let messageId = 0
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      calls += 1
      const answer = (status: number, payload: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload))
      const match = /^\/bot([^/]+)\/sendMessage$/.exec(req.url ?? '')
      if (req.method !== 'POST' || !match) return answer(404, { ok: false, error_code: 404, description: 'Not Found' })
      if (match[1] !== token) return answer(401, { ok: false, error_code: 401, description: 'Unauthorized' })
      const failure = failures.shift()
      if (failure === 429)
        return answer(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } })
      if (failure !== undefined) return answer(failure, { ok: false, error_code: failure, description: 'Bad Gateway' })
      let parsed: { chat_id?: unknown; text?: unknown; parse_mode?: unknown }
      try {
        parsed = JSON.parse(body) as typeof parsed
      } catch {
        return answer(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' })
      }
      if (typeof parsed.text !== 'string' || !parsed.text)
        return answer(400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' })
      if (parsed.chat_id === '-1009999') return answer(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' })
      sent.push({ token: match[1], chatId: parsed.chat_id, text: parsed.text, parseMode: parsed.parse_mode })
      messageId += 1
      answer(200, { ok: true, result: { message_id: messageId, date: Math.floor(Date.now() / 1000), text: parsed.text } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    failNext: (...statuses) => failures.push(...statuses),
    calls: () => calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
