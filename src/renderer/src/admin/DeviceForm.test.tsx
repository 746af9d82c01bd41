// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contracts/api';
import type { DeviceView } from '../../../shared/contracts/devices-api';
import type { User } from '../../../shared/contracts/users-api';
import { DeviceForm } from './DeviceForm';

afterEach(cleanup);

const alice: User = {
  id: '7b0d9a3e-64a8-4c3e-9d52-1f9f3c1f6a11',
  username: 'alice',
  display_name: 'Alice',
  role: 'client',
};
const robot: User = {
  id: '0e7c51f2-1c43-4d2a-a7a4-2a4f2b1c9d00',
  username: 'robot',
  display_name: 'Robot',
  role: 'service',
};

function errorOf(label: string): string | null {
  const control = screen.getByLabelText(label);
  const id = control
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((i) => i.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

describe('the device form', () => {
  it('asks for a name and a numeric limit before sending', async () => {
    const onSubmit = vi.fn();
    render(<DeviceForm users={[alice]} onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Hourly limit (kWh)'), 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Create device' }));
    expect(errorOf('Name')).toBe('Name is required.');
    expect(errorOf('Hourly limit (kWh)')).toBe('Hourly limit must be a number of kWh, such as 2.5.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a limit of zero', async () => {
    render(<DeviceForm users={[alice]} onSubmit={vi.fn()} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Heat pump');
    await userEvent.type(screen.getByLabelText('Hourly limit (kWh)'), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Create device' }));
    expect(errorOf('Hourly limit (kWh)')).toBe('Hourly limit must be more than 0 kWh.');
  });

  it('sends the limit as a number, a decimal comma too, and the chosen owner', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<DeviceForm users={[alice, robot]} onSubmit={onSubmit} onCancel={() => {}} />);
    expect(screen.queryByRole('option', { name: /Robot/ })).toBeNull();
    await userEvent.type(screen.getByLabelText('Name'), 'Heat pump');
    await userEvent.type(screen.getByLabelText('Address'), 'Koivukuja 3');
    await userEvent.type(screen.getByLabelText('Hourly limit (kWh)'), '2,5');
    await userEvent.selectOptions(screen.getByLabelText('Owner'), alice.id);
    await userEvent.click(screen.getByRole('button', { name: 'Create device' }));
    expect(onSubmit).toHaveBeenCalledWith({
      description: 'Heat pump',
      address: 'Koivukuja 3',
      max_hourly_kwh: 2.5,
      user_id: alice.id,
    });
  });

  it('starts from the device being edited, and shows server errors next to their fields', async () => {
    const device: DeviceView = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      user_id: null,
      description: 'Sauna',
      address: 'Rantatie 8',
      max_hourly_kwh: 6,
      version: 3,
    };
    const onSubmit = vi
      .fn()
      .mockRejectedValue(new ApiError(400, 'invalid max_hourly_kwh', { max_hourly_kwh: 'is too large' }));
    render(<DeviceForm device={device} users={[alice]} onSubmit={onSubmit} onCancel={() => {}} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Sauna');
    expect((screen.getByLabelText('Owner') as HTMLSelectElement).value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith({
      description: 'Sauna',
      address: 'Rantatie 8',
      max_hourly_kwh: 6,
      user_id: null,
    });
    await screen.findByText('Hourly limit is too large.');
    expect(errorOf('Hourly limit (kWh)')).toBe('Hourly limit is too large.');
  });
});
