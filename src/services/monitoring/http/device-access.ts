// Who may read which device. Until sign-in exists everyone may; authentication plugs in here.
import type { Request, Response } from 'express';
import type { DeviceRecord } from '../store/device-directory';

/** True when the request may read this device; otherwise answers (401/403) and returns false. */
export type DeviceAccess = (req: Request, device: DeviceRecord, res: Response) => boolean;

export const openAccess: DeviceAccess = () => true;
