// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contracts/api';
import { PasswordDialog } from './PasswordDialog';

afterEach(cleanup);

const user = { id: 'u1', username: 'alice', display_name: 'Alice', role: 'client' as const };

function errorOf(control: HTMLElement): string | null {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.className === 'field-error');
  return error?.textContent ?? null;
}

describe('the password reset dialog', () => {
  it('says next to the field that a short password is too short, and sends nothing', async () => {
    const onSave = vi.fn();
    render(<PasswordDialog user={user} onSave={onSave} onClose={() => {}} />);
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(errorOf(screen.getByLabelText('New password'))).toBe('Password must be at least 8 characters.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('sends a good password, closes, and shows what the server refused next to the field', async () => {
    const onClose = vi.fn();
    const onSave = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(400, 'invalid password', { password: 'is too common' }))
      .mockResolvedValueOnce(undefined);
    render(<PasswordDialog user={user} onSave={onSave} onClose={onClose} />);
    await userEvent.type(screen.getByLabelText('New password'), 'password1');
    const button = screen.getByRole('button', { name: 'Set password' });
    await userEvent.click(button);
    expect(errorOf(screen.getByLabelText('New password'))).toBe('Password is too common.');
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(button);
    expect(onSave).toHaveBeenLastCalledWith('password1');
    expect(onClose).toHaveBeenCalledOnce();
  });
});
