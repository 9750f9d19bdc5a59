export { auth as proxy } from "@/server/auth";

export const config = {
  // Static assets need no session; everything else goes through the `authorized` callback.
  // Uploads are left out too: a proxy buffers request bodies and cuts them at 10 MB.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/dataset-uploads).*)"],
};
