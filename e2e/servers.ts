/** The two servers the suite starts (see playwright.config.ts). */
export const demoServer = "http://127.0.0.1:3100";
export const emptyServer = "http://127.0.0.1:3101";
