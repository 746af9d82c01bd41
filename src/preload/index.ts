// Preload bridge: exposes the typed api to the renderer (filled in with issue 6).
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('wattdesk', { host: 'electron' } as const);
