/** The demo organisation of DESIGN.md: fixed accounts plus generated agents in three teams. */
export const DEMO_PASSWORD = "keeper-demo-pass";
export const DEMO_DOMAIN = "demo.keeper.test";

export interface DemoPerson {
  email: string;
  name: string;
  title: string;
  team: string | null;
  managerEmail: string | null;
  role: "agent" | "manager" | "hr" | "admin";
  /** 0..1: how strong the agent is; drives keeper answers, ratings and CSAT. */
  quality: number;
}

export const DEMO_ACCOUNTS = [
  { email: `hr@${DEMO_DOMAIN}`, who: "HR partner" },
  { email: `admin@${DEMO_DOMAIN}`, who: "Admin" },
  { email: `director@${DEMO_DOMAIN}`, who: "Director of Support (manages Mia and Noah)" },
  { email: `mia@${DEMO_DOMAIN}`, who: "Manager, Team Portland" },
  { email: `noah@${DEMO_DOMAIN}`, who: "Manager, Team Denver" },
  { email: `ava@${DEMO_DOMAIN}`, who: "Agent, Team Portland" },
  { email: `liam@${DEMO_DOMAIN}`, who: "Agent, Team Denver" },
] as const;

const FIRST = [
  "Olivia",
  "Ethan",
  "Sofia",
  "Lucas",
  "Isla",
  "Mateo",
  "Zoe",
  "Omar",
  "Hana",
  "Leo",
  "Maya",
  "Kai",
  "Nora",
  "Ivan",
  "Ruby",
  "Theo",
  "Lena",
  "Sami",
  "Ines",
  "Felix",
  "Aria",
  "Jonah",
  "Priya",
  "Marco",
  "Elena",
  "Tariq",
  "Chloe",
  "Bruno",
  "Yara",
  "Diego",
  "Freya",
  "Kofi",
  "Mei",
  "Anton",
  "Lucia",
  "Ravi",
  "Sara",
  "Hugo",
  "Amara",
  "Nils",
  "Tess",
  "Emil",
];
const LAST = [
  "Garcia",
  "Nguyen",
  "Okafor",
  "Larsen",
  "Silva",
  "Kowalski",
  "Haddad",
  "Tanaka",
  "Murphy",
  "Rossi",
  "Novak",
  "Mensah",
  "Fischer",
  "Ahmed",
  "Costa",
  "Berg",
  "Ibrahim",
  "Moreau",
  "Sato",
  "Quinn",
  "Duarte",
  "Petrov",
  "Adeyemi",
  "Lindqvist",
];

export function demoPeople(random: { next: () => number }): DemoPerson[] {
  const d = (local: string) => `${local}@${DEMO_DOMAIN}`;
  const people: DemoPerson[] = [
    { email: d("hr"), name: "Harper Quinn", title: "HR Business Partner", team: null, managerEmail: null, role: "hr", quality: 0.7 },
    { email: d("admin"), name: "Alex Morgan", title: "Keeper Administrator", team: null, managerEmail: null, role: "admin", quality: 0.7 },
    {
      email: d("director"),
      name: "Jordan Ellis",
      title: "Director of Support",
      team: null,
      managerEmail: null,
      role: "manager",
      quality: 0.8,
    },
    {
      email: d("mia"),
      name: "Mia Chen",
      title: "Team Manager",
      team: "Team Portland",
      managerEmail: d("director"),
      role: "manager",
      quality: 0.8,
    },
    {
      email: d("noah"),
      name: "Noah Park",
      title: "Team Manager",
      team: "Team Denver",
      managerEmail: d("director"),
      role: "manager",
      quality: 0.65,
    },
    {
      email: d("grace"),
      name: "Grace Okoye",
      title: "Team Manager",
      team: "Team Austin",
      managerEmail: d("director"),
      role: "manager",
      quality: 0.7,
    },
    {
      email: d("ava"),
      name: "Ava Thompson",
      title: "Customer Support Agent",
      team: "Team Portland",
      managerEmail: d("mia"),
      role: "agent",
      quality: 0.85,
    },
    {
      email: d("liam"),
      name: "Liam Walker",
      title: "Customer Support Agent",
      team: "Team Denver",
      managerEmail: d("noah"),
      role: "agent",
      quality: 0.55,
    },
  ];
  const teams = [
    { team: "Team Portland", manager: d("mia"), size: 13 },
    { team: "Team Denver", manager: d("noah"), size: 14 },
    { team: "Team Austin", manager: d("grace"), size: 14 },
  ];
  let i = 0;
  for (const t of teams) {
    for (let n = 0; n < t.size; n++, i++) {
      const first = FIRST[i % FIRST.length];
      const last = LAST[(i * 7) % LAST.length];
      people.push({
        email: d(`${first}.${last}`.toLowerCase()),
        name: `${first} ${last}`,
        title: n % 5 === 0 ? "Senior Customer Support Agent" : "Customer Support Agent",
        team: t.team,
        managerEmail: t.manager,
        role: "agent",
        quality: 0.15 + random.next() * 0.8,
      });
    }
  }
  return people;
}
