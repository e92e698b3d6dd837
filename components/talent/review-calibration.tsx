import { Card } from "@/components/ui/card";
import type { ReviewCalibration } from "@/lib/dal/calibration";
import type { ReviewView } from "@/lib/dal/review-read";
import { CalibrationForm } from "./calibration-form";
import { CalibrationHistory } from "./calibration-history";

/**
 * The review page's calibration part: the form, for whoever may calibrate the review now (decided
 * by the data layer), and the history of calibration changes for everyone who may read it.
 */
export function ReviewCalibrationPanel({ review, calibration }: { review: ReviewView; calibration: ReviewCalibration }) {
  const showForm = calibration.canCalibrate && review.keeper !== null;
  if (!showForm && calibration.history.length === 0 && review.cycle.state !== "calibration") return null;
  return (
    <div className="mt-6 space-y-5">
      {showForm && (
        <Card title="Calibrate this review" className="border-amber-200">
          <p className="mb-3 text-sm text-slate-700">
            Change the keeper answer or trait ratings agreed in calibration. Give the reason; it is kept with each change.
          </p>
          <CalibrationForm
            cycleKey={review.cycle.key}
            employeeId={review.employee.id}
            employeeName={review.employee.name}
            version={review.version}
            keeperAnswer={review.keeper!.answer}
            traits={review.traits.map((t) => ({
              cycleTraitId: t.cycleTraitId,
              label: t.label,
              rating: t.rating,
              notObserved: t.notObserved,
            }))}
          />
        </Card>
      )}
      <CalibrationHistory history={calibration.history} />
    </div>
  );
}
