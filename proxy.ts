export { auth as proxy } from "@/server/auth";

export const config = {
  // Static assets need no session; everything else goes through the `authorized` callback.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
