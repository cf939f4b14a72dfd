export { ForbiddenFieldsError } from './ForbiddenFieldsError'
export { writeGuardPlugin } from './writeGuardPlugin'
