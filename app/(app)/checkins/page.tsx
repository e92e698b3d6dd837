import type { Metadata } from "next";
import { CheckinAnswerForm } from "@/components/agent/checkin-answer-form";
import { CheckinAskForm } from "@/components/agent/checkin-ask-form";
import { CheckinItem } from "@/components/agent/checkin-item";
import { CheckinStatsTable } from "@/components/agent/checkin-stats";
import { Card } from "@/components/ui/card";
import { firstName } from "@/lib/domain/keeper";
import { CHECKIN_QUESTION, checkinStatsByManager, listCheckinsToAnswer, listMyCheckins } from "@/lib/dal/checkins";
import { verifySession } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Keeper check-ins" };

export default async function CheckinsPage() {
  const viewer = await verifySession();
  const [mine, addressed, stats] = await Promise.all([
    listMyCheckins(),
    listCheckinsToAnswer(),
    viewer.isHr ? checkinStatsByManager() : null,
  ]);
  const now = Date.now();
  const waiting = mine.checkins.find((c) => c.answeredAt === null);
  const answersToGive = viewer.hasReports || addressed.pending.length > 0 || addressed.answered.length > 0;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Keeper check-ins</h1>
        <p className="text-slate-700">
          {mine.manager
            ? "Don't wait for the review: ask your manager the keeper question about yourself, any time."
            : viewer.isHr
              ? "Agents ask their managers the keeper question about themselves. You see how many wait and for how long, never what was said."
              : "Your reports can ask you the keeper question about themselves, any time."}
        </p>
      </div>

      {answersToGive && (
        <Card title={`Waiting for your answer (${addressed.pending.length})`}>
          {addressed.pending.length === 0 ? (
            <p className="text-sm text-slate-700">No check-ins are waiting for you.</p>
          ) : (
            <ul className="space-y-4">
              {addressed.pending.map((c) => (
                <li key={c.id} className="space-y-3">
                  <CheckinItem checkin={c} perspective="manager" now={now} />
                  <CheckinAnswerForm id={c.id} agentFirstName={firstName(c.agent.name)} />
                </li>
              ))}
            </ul>
          )}
          {addressed.answered.length > 0 && (
            <>
              <h3 className="mt-6 font-semibold">Recently answered</h3>
              <ul className="mt-2 space-y-3">
                {addressed.answered.map((c) => (
                  <li key={c.id}>
                    <CheckinItem checkin={c} perspective="manager" now={now} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}

      {(mine.manager || mine.checkins.length > 0) && (
        <Card title="Ask your manager">
          {!mine.manager ? (
            <p className="text-sm text-slate-700">You have no manager in Keeper to ask.</p>
          ) : waiting ? (
            <p className="text-sm text-slate-700">
              Your check-in is waiting for {firstName(waiting.manager.name)}&apos;s answer. You will be notified when it arrives; you can
              ask again after that.
            </p>
          ) : (
            <CheckinAskForm question={CHECKIN_QUESTION} managerFirstName={firstName(mine.manager.name)} />
          )}
          {mine.checkins.length > 0 && (
            <>
              <h3 className="mt-6 font-semibold">Your check-ins</h3>
              <ul className="mt-2 space-y-3">
                {mine.checkins.map((c) => (
                  <li key={c.id}>
                    <CheckinItem checkin={c} perspective="agent" now={now} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}

      {stats && (
        <Card title="Check-ins per manager">
          <p className="mb-3 text-sm text-slate-700">
            How many are open and how long people waited. What was asked and answered stays between the agent and their manager.
          </p>
          <CheckinStatsTable stats={stats} now={now} />
        </Card>
      )}
    </div>
  );
}
