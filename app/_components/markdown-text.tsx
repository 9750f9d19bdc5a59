import Markdown from "react-markdown";

/**
 * Markdown rendered safely: react-markdown builds React elements and ignores raw HTML, so
 * guidelines can never run script or inject markup.
 */
export function MarkdownText({ source }: { source: string }) {
  return (
    <div className="prose-sm max-w-none space-y-3 [&_a]:underline [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <Markdown skipHtml>{source}</Markdown>
    </div>
  );
}
