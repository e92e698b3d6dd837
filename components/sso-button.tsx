import { ssoLoginAction } from "@/app/(auth)/login/actions";
import { Button } from "./ui/button";

/** "Sign in with {provider}": a form, so it works before any script loads. */
export function SsoButton({ name, from }: { name: string; from: string }) {
  return (
    <form action={ssoLoginAction}>
      <input type="hidden" name="from" value={from} />
      <Button type="submit" className="w-full">
        Sign in with {name}
      </Button>
    </form>
  );
}
