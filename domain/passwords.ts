/** How long a password may be: the server's rule, and what the forms ask for before sending. */
export const passwordLength = { min: 8, max: 200 } as const;
