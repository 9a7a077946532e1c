/** Where a user account stands: invited until a password is set, active, or disabled by an admin. */
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
