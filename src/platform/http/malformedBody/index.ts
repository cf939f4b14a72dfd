export { answerMalformedBody, isMalformedMultipartMessage, malformedBodyField } from './answerMalformedBody'
