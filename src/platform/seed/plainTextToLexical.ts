/** The Lexical JSON Payload's rich text field stores. */
export type LexicalDocument = { root: Record<string, unknown> & { children: Record<string, unknown>[] } }

const textNode = (text: string) => ({ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })

/**
 * Plain text as a Lexical document: paragraphs split on blank lines, single line breaks kept as
 * Lexical line breaks. Line endings of any platform are accepted.
 */
export const plainTextToLexical = (text: string): LexicalDocument => {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((paragraph) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: paragraph
          .split('\n')
          .flatMap((line, index) => (index === 0 ? [textNode(line)] : [{ type: 'linebreak', version: 1 }, textNode(line)])),
      })),
    },
  }
}
