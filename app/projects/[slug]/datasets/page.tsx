import { DatasetsPage } from "./datasets-page";
import { projectPageTitle, type ProjectPageProps } from "../project-title";

export function generateMetadata({ params }: ProjectPageProps) {
  return projectPageTitle(params, "Datasets");
}

export default async function Page({ params }: ProjectPageProps) {
  const { slug } = await params;
  return <DatasetsPage projectSlug={slug} />;
}
