/* eslint-disable @typescript-eslint/consistent-type-definitions -- augmentation merges only interfaces */
import "next-auth";
import "next-auth/jwt";

// The account's session version at sign-in travels in the token and the session (see users.ts).
declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}
