import { ProjectSettings } from "./project-settings";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ProjectSettings projectSlug={slug} />;
}
