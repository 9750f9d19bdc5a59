import { auth } from "@/server/auth";
import { getDb } from "@/server/database";
import { respondToExport } from "@/server/http/dataset-export";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return respondToExport(getDb(), await auth(), slug, request);
}
