import { Card } from "@/components/ui/card";

export function NoCycle() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Talent review</h1>
      <Card>
        <p className="text-slate-700">There is no review cycle yet. Talent reviews appear once HR opens the first cycle.</p>
      </Card>
    </div>
  );
}
