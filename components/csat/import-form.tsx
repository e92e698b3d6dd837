"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { percentPoints } from "@/lib/format";

const SOURCES = [
  ["auto", "Detect automatically"],
  ["zendesk", "Zendesk satisfaction ratings (JSON)"],
  ["freshdesk", "Freshdesk satisfaction ratings (JSON)"],
  ["intercom", "Intercom conversations (JSON)"],
  ["helpscout", "Help Scout happiness ratings (JSON)"],
  ["chatwoot", "Chatwoot CSAT responses (JSON)"],
  ["csv", "Keeper CSV (response_id, agent_email, rating, scale_max, responded_at)"],
] as const;

type Progress = { file: string; index: number; total: number; sent: number; size: number; phase: "uploading" | "processing" };

/** Streams one file as the request body, reporting upload progress; resolves with the JSON reply. */
function upload(
  file: File,
  source: string,
  onProgress: (sent: number) => void,
): Promise<{ status: number; body: { importId?: number; message?: string } }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports/csat?source=${encodeURIComponent(source)}`);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        resolve({ status: xhr.status, body: { message: "The server's answer could not be read." } });
      }
    };
    xhr.onerror = () => reject(new Error("The upload failed: check your connection and try again."));
    xhr.send(file);
  });
}

export function ImportForm({ maxMb }: { maxMb: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState("auto");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    const files = [...(input.current?.files ?? [])];
    setError(null);
    if (files.length === 0) return setError("Choose one or more export files.");
    const tooBig = files.find((f) => f.size > maxMb * 1024 * 1024);
    if (tooBig)
      return setError(`${tooBig.name} is larger than the ${maxMb} MB upload limit. Import it with \`npx keeper csat import\` instead.`);
    const ids: number[] = [];
    for (const [index, file] of files.entries()) {
      setProgress({ file: file.name, index, total: files.length, sent: 0, size: file.size, phase: "uploading" });
      try {
        const result = await upload(file, source, (sent) =>
          setProgress({
            file: file.name,
            index,
            total: files.length,
            sent,
            size: file.size,
            phase: sent >= file.size ? "processing" : "uploading",
          }),
        );
        if (result.status !== 200 || !result.body.importId) {
          setError(`${file.name}: ${result.body.message ?? `the server answered ${result.status}`}`);
          break;
        }
        ids.push(result.body.importId);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        break;
      }
    }
    setProgress(null);
    if (ids.length === 1) router.push(`/hr/imports/${ids[0]}`);
    else if (ids.length > 1) router.push(`/hr/imports?highlight=${ids.join(",")}`);
  }

  const pct = progress && progress.size > 0 ? percentPoints(progress.sent / progress.size) : 0;
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="csat-files" className="block text-sm font-medium">
          Export files
        </label>
        <input
          id="csat-files"
          ref={input}
          type="file"
          multiple
          accept=".csv,.json,text/csv,application/json"
          disabled={!!progress}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
        />
        <p className="mt-1 text-sm text-slate-700">
          Up to {maxMb} MB per file. Re-importing a file changes nothing; newer versions of a rating replace older ones.
        </p>
      </div>
      <div>
        <label htmlFor="csat-source" className="block text-sm font-medium">
          Source
        </label>
        <select
          id="csat-source"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          disabled={!!progress}
          className="mt-1 w-full max-w-md rounded-md border border-slate-400 px-3 py-2"
        >
          {SOURCES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Button type="button" onClick={start} disabled={!!progress}>
        {progress ? "Importing…" : "Import"}
      </Button>
      {progress && (
        <div>
          <p className="mb-1 text-sm" aria-live="polite">
            {progress.phase === "uploading"
              ? `Uploading ${progress.file} (${progress.index + 1} of ${progress.total}): ${pct}%`
              : `Checking and importing ${progress.file} (${progress.index + 1} of ${progress.total})…`}
          </p>
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-2.5 w-full max-w-md rounded-full bg-slate-200"
          >
            <div
              className={`h-2.5 rounded-full bg-brand-600 ${progress.phase === "processing" ? "animate-pulse" : ""}`}
              style={{ width: `${progress.phase === "processing" ? 100 : pct}%` }}
            />
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
