import { Header } from './header';

/** What is published to the outside, and what the article would fix. */
export function ExposurePage() {
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="flex-1 overflow-auto p-4">
        <h2 className="text-xl font-semibold">Exposure</h2>
      </main>
    </div>
  );
}
