/** Where the functions run: Seoul, next to the users. */
export const FUNCTIONS_REGION = "asia-northeast3";
