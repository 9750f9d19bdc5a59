import { GuidelinesView } from "./guidelines-view";
import { projectPageTitle, type ProjectPageProps } from "../project-title";

export function generateMetadata({ params }: ProjectPageProps) {
  return projectPageTitle(params, "Guidelines");
}

export default async function GuidelinesPage({ params }: ProjectPageProps) {
  const { slug } = await params;
  return <GuidelinesView projectSlug={slug} />;
}
