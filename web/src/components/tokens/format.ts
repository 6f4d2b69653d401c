/** Token counts as the whole app shows them: 1,234,567. */
export const formatTokens = (value: number) => value.toLocaleString('en-US')

/** A price in its own currency: ₹499.00, $6.00. */
export const formatPrice = (amount: number | string, currency: string) =>
  new Intl.NumberFormat('en-IN', { style: 'currency', currency }).format(Number(amount))
