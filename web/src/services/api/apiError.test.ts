import { describe, expect, it } from 'vitest'
import { ApiError, errorMessage, splitFormErrors } from '@/services/api/apiError'

const validation = new ApiError(400, {
  title: 'Validation failed',
  detail: 'name: must not be blank; techStack[0]: too long; owner: bad',
  errors: [
    { field: 'name', message: 'must not be blank' },
    { field: 'techStack[0]', message: 'too long' },
    { field: 'owner', message: 'bad' },
  ],
})

describe('splitFormErrors', () => {
  it.each([
    ['no error', null, ['name'], { fields: {}, alert: null }],
    [
      'field errors of the form go beside the fields',
      validation,
      ['name', 'techStack', 'owner'],
      { fields: { name: 'must not be blank', techStack: 'too long', owner: 'bad' }, alert: null },
    ],
    [
      'unknown fields go to the alert',
      validation,
      ['name', 'techStack'],
      { fields: { name: 'must not be blank', techStack: 'too long' }, alert: 'owner: bad' },
    ],
    [
      'a problem without field errors is the alert',
      new ApiError(409, { title: 'Email taken', detail: 'An account with this email exists' }),
      ['email'],
      { fields: {}, alert: 'An account with this email exists' },
    ],
    ['a plain error is the alert', new Error('boom'), ['email'], { fields: {}, alert: 'boom' }],
  ])('%s', (_, error, fields, expected) => {
    expect(splitFormErrors(error, fields)).toEqual(expected)
  })
})

describe('errorMessage', () => {
  it('prefers the detail, then the title', () => {
    expect(errorMessage(new ApiError(404, { title: 'Not found', detail: 'No file at x' }))).toBe(
      'No file at x',
    )
    expect(errorMessage(new ApiError(500, { title: 'Server error' }))).toBe('Server error')
    expect(errorMessage(new ApiError(500, {}))).toBe('HTTP 500')
    expect(errorMessage('???')).toBe('Something went wrong.')
  })
})
