export declare const SECRET_KEY_HELP: string;
export declare function parseSecretKey(value: string | undefined): Buffer | string;
