/** Action id of the confirmation buttons of `/cohorte oublier`: letters and digits only (Mattermost). */
export const FORGET_ACTION = 'cohorteforget';
