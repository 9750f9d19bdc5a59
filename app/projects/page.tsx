import type { Metadata } from "next";
import { NewProjectForm } from "./new-project-form";
import { ProjectList } from "./project-list";

export const metadata: Metadata = { title: "Projects" };

export default function ProjectsPage() {
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Projects</h1>
      <ProjectList />
      <NewProjectForm />
    </section>
  );
}
