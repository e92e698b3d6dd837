/** Keys of the `settings` table that more than one module reads or writes. */

/** JSON `{ accounts: {email, who}[], password }`, written by the demo seed and shown on the login page. */
export const DEMO_SIGN_INS_SETTING = "demo_sign_ins";
