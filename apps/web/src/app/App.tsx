export function App() {
  return (
    <main className="starting">
      <h1>Web ATM</h1>
      <p role="status">The ATM is starting. Please wait a moment.</p>
    </main>
  );
}
