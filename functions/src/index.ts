import "./setup.js";

export { kakaoSignIn } from "./identity/index.js";
