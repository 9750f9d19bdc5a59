import type { Metadata } from "next";
import { ProjectNotFound } from "./project-not-found";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return <ProjectNotFound />;
}
