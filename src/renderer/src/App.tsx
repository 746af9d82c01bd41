// The UI shell; its screens come with the interface issue.
export function App() {
  return (
    <main>
      <h1>WattDesk</h1>
      <p>Hourly energy from your meters, with live over-limit alerts.</p>
    </main>
  );
}
