// The WattDesk mark: a bolt in a rounded square.
export function Logo() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="22" height="22" rx="6" fill="currentColor" opacity="0.18" />
      <path d="M13.5 3.5 6.5 13.2h4.6l-1.6 7.3 7-9.8h-4.7l1.7-7.2Z" fill="currentColor" />
    </svg>
  );
}
