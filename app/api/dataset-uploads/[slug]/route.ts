import { auth } from "@/server/auth";
import { getDb } from "@/server/database";
import { respondToUpload } from "@/server/http/dataset-upload";

/** Kept out of proxy.ts's matcher, which would buffer the body and cut it at 10 MB. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return respondToUpload(getDb(), await auth(), slug, request);
}
