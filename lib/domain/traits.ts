/** The default customer-service trait template (DESIGN.md). Level 1 first, level 5 last. */
export interface TraitDefinition {
  key: string;
  label: string;
  description: string;
  levels: [string, string, string, string, string];
}

export const RATING_SCALE = [1, 2, 3, 4, 5] as const;
export const RATING_LABELS: Record<number, string> = {
  1: "Well below",
  2: "Below",
  3: "Solid",
  4: "Strong",
  5: "Role model",
};

export const DEFAULT_TRAITS: TraitDefinition[] = [
  {
    key: "politeness",
    label: "Politeness",
    description: "Courteous and respectful in every interaction.",
    levels: [
      "Often curt or dismissive; customers have complained about tone.",
      "Polite when things go well, slips when the customer is difficult.",
      "Courteous and respectful with every customer, including the hard ones.",
      "Stays gracious under pressure and de-escalates with courtesy.",
      "Sets the standard: customers and colleagues single out their respectfulness.",
    ],
  },
  {
    key: "empathy",
    label: "Empathy",
    description: "Hears and acknowledges how the customer feels.",
    levels: [
      "Goes straight to the script; the customer's feelings go unacknowledged.",
      "Acknowledges feelings occasionally, often in a formulaic way.",
      "Listens, names how the customer feels and responds to it.",
      "Picks up on unspoken frustration and adapts before being asked.",
      "Customers say they felt truly heard; others learn from how they listen.",
    ],
  },
  {
    key: "solves_problem",
    label: "Solves the problem",
    description: "Owns the issue until it is resolved; no hand-offs without reason.",
    levels: [
      "Hands off or closes issues unresolved; customers have to come back.",
      "Solves routine issues; passes on anything unusual without owning it.",
      "Owns issues to resolution and hands off only with good reason and context.",
      "Resolves complex issues first time and follows up without being asked.",
      "Fixes the root cause so the problem stops happening for everyone.",
    ],
  },
  {
    key: "has_fun",
    label: "Has fun and is themselves",
    description: "Warm, authentic, unscripted.",
    levels: [
      "Robotic and scripted; interactions feel cold.",
      "Friendly at times but mostly sticks to stock phrases.",
      "Warm and natural; customers talk to a person, not a script.",
      "Brings personality that makes conversations memorable in a good way.",
      "Customers share their conversations; a model of being themselves at work.",
    ],
  },
  {
    key: "keeps_it_simple",
    label: "Keeps it easy, keeps it simple",
    description: "Effortless for the customer; clear, no jargon.",
    levels: [
      "Confusing answers full of jargon; customers need several contacts.",
      "Correct but wordy or technical; customers sometimes have to ask again.",
      "Clear, plain answers; the customer knows exactly what happens next.",
      "Removes steps for the customer and anticipates the next question.",
      "Makes hard things effortless; their explanations become team templates.",
    ],
  },
  {
    key: "problems_to_loyalty",
    label: "Turns problems into loyalty",
    description: "Upset customers leave happier than they came.",
    levels: [
      "Upset customers leave more upset.",
      "Calms upset customers but rarely wins them back.",
      "Upset customers usually leave satisfied.",
      "Turns complaints into compliments on a regular basis.",
      "Customers who arrived angry become fans and say so.",
    ],
  },
];
