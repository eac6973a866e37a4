/** Above the queue: claim-next (for those who work it), "Only my tickets" (for its own staff), and the count. */
export function QueueToolbar({
  canClaim,
  claiming,
  onClaim,
  showMine,
  mine,
  onMine,
  count,
}: {
  canClaim: boolean;
  claiming: boolean;
  onClaim: () => void;
  showMine: boolean;
  mine: boolean;
  onMine: (mine: boolean) => void;
  /** Open tickets loaded; undefined before the first load. */
  count: number | undefined;
}) {
  return (
    <div className="toolbar">
      {canClaim && (
        <button type="button" className="primary" onClick={onClaim} aria-disabled={claiming}>
          {claiming ? 'Claiming…' : 'Claim next ticket'}
        </button>
      )}
      {showMine && (
        <label className="inline">
          <input type="checkbox" checked={mine} onChange={(e) => onMine(e.target.checked)} /> Only my tickets
        </label>
      )}
      <span className="count">{count !== undefined ? `${count} open ticket${count === 1 ? '' : 's'}` : ''}</span>
    </div>
  );
}
