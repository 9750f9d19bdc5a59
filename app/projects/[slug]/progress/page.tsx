import { ProgressDashboard } from "./progress-dashboard";

export default async function ProgressPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ProgressDashboard projectSlug={slug} />;
}
