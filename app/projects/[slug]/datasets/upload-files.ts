export type UploadedFiles = { uploadId: string; files: { name: string; size: number }[] };

/**
 * Sends files for an import. XMLHttpRequest rather than fetch: only it reports upload progress,
 * which a large file needs.
 */
export function uploadFiles(
  projectSlug: string,
  files: File[],
  onProgress: (fraction: number) => void,
): Promise<UploadedFiles> {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/dataset-uploads/${encodeURIComponent(projectSlug)}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status === 200) resolve(body as UploadedFiles);
      else reject(new Error(messageOf(body) ?? `the upload was refused (${request.status})`));
    };
    request.onerror = () => reject(new Error("the upload failed: is the server reachable?"));
    request.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function messageOf(body: unknown): string | undefined {
  return typeof body === "object" && body !== null && "message" in body
    ? String(body.message)
    : undefined;
}
