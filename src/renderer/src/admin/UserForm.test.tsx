// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contracts/api';
import { UserForm } from './UserForm';

afterEach(cleanup);

/** The error message tied to a control through aria-describedby. */
function errorOf(control: HTMLElement): string | null {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field-error');
  return error?.textContent ?? null;
}

async function fill(values: Partial<Record<'Username' | 'Display name' | 'Password', string>>) {
  for (const [label, value] of Object.entries(values)) {
    await userEvent.type(screen.getByLabelText(label, { exact: true }), value);
  }
}

describe('the new-user form', () => {
  it('names each missing or short field next to it and sends nothing', async () => {
    const onSubmit = vi.fn();
    render(<UserForm onSubmit={onSubmit} onCancel={() => {}} />);
    await fill({ Password: 'short' });
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));

    expect(errorOf(screen.getByLabelText('Username'))).toBe('Username is required.');
    expect(errorOf(screen.getByLabelText('Display name'))).toBe('Display name is required.');
    expect(errorOf(screen.getByLabelText('Password', { exact: true }))).toBe(
      'Password must be at least 8 characters.',
    );
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a valid user as the API expects it', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<UserForm onSubmit={onSubmit} onCancel={() => {}} />);
    await fill({ Username: 'alice', 'Display name': 'Alice Meyer', Password: 'long enough' });
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'admin');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(onSubmit).toHaveBeenCalledWith({
      username: 'alice',
      display_name: 'Alice Meyer',
      role: 'admin',
      password: 'long enough',
    });
  });

  it("shows the server's verdict on a field next to that field", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(409, 'username taken', { username: 'is taken' }));
    render(<UserForm onSubmit={onSubmit} onCancel={() => {}} />);
    await fill({ Username: 'alice', 'Display name': 'Alice', Password: 'long enough' });
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(errorOf(await screen.findByLabelText('Username'))).toBe('Username is taken.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failure that names no field above the form', async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(403, 'admins only'));
    render(<UserForm onSubmit={onSubmit} onCancel={() => {}} />);
    await fill({ Username: 'alice', 'Display name': 'Alice', Password: 'long enough' });
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Admins only.');
  });
});
