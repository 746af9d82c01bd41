// Why a device's data could not be shown, in words a user can act on.
import type { ApiError } from '../../../shared/contracts/api';

export function LoadFailure({ error, retry }: { error: ApiError; retry: () => void }) {
  if (error.status === 403 || error.status === 404) {
    return (
      <div className="panel empty-state" role="alert">
        <h2>{error.status === 403 ? 'Not one of your devices' : 'No data for this device'}</h2>
        <p>
          {error.status === 403
            ? 'You can only see the devices assigned to you.'
            : 'This device has sent no readings yet, or it no longer exists.'}
        </p>
      </div>
    );
  }
  return (
    <div className="panel empty-state" role="alert">
      <h2>Could not load the data</h2>
      <p>{error.error}</p>
      <button type="button" className="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
