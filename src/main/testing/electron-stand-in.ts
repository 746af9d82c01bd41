// Test support: a stand-in for the `electron` module, enough to run the built main process under Node and
// watch what it does with windows, IPC, the tray, notifications and the app's life.
import { EventEmitter } from 'node:events';

type Listener = (event: { senderFrame: { url: string } | null }, args?: unknown) => Promise<unknown>;

class StandInWindow extends EventEmitter {
  url = '';
  destroyed = false;
  readonly sent: Array<[string, unknown]> = [];
  readonly webContents = { send: (channel: string, payload: unknown) => this.sent.push([channel, payload]) };
  constructor(readonly options: Record<string, unknown>) {
    super();
    stage.windows.push(this);
  }
  loadURL(url: string) {
    this.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  show() {}
  hide() {
    stage.hidden++;
  }
  focus() {}
  restore() {}
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}

class StandInTray extends EventEmitter {
  tooltip = '';
  menu: Array<{ label?: string; click?: () => void }> = [];
  constructor(public image: { path: string }) {
    super();
    stage.trays.push(this);
  }
  setImage(image: { path: string }) {
    this.image = image;
  }
  setToolTip(tooltip: string) {
    this.tooltip = tooltip;
  }
  setTitle() {}
  setContextMenu(menu: { items: StandInTray['menu'] }) {
    this.menu = menu.items;
  }
  destroy() {
    stage.trayDestroyed = true;
  }
}

class StandInNotification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    stage.notifications.push(this);
  }
  close() {}
}

class StandInApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  getAppPath() {
    return stage.appPath;
  }
  getPath() {
    return stage.userData;
  }
  quit() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exit(0);
  }
  exit(code = 0) {
    stage.exitCode = code;
  }
  setBadgeCount(count: number) {
    stage.badge = count;
    return true;
  }
  setLoginItemSettings() {}
  relaunch() {}
}

/** What the main process did, for the test to look at. */
export const stage = {
  appPath: '',
  userData: '',
  windows: [] as StandInWindow[],
  trays: [] as StandInTray[],
  notifications: [] as StandInNotification[],
  handlers: new Map<string, Listener>(),
  protocolHandler: null as ((request: Request) => Promise<Response>) | null,
  permissionRequest: null as
    | ((contents: unknown, permission: string, grant: (ok: boolean) => void) => void)
    | null,
  hidden: 0,
  badge: 0,
  trayDestroyed: false,
  exitCode: null as number | null,
};

export const electronStandIn = {
  app: new StandInApp(),
  BrowserWindow: StandInWindow,
  Tray: StandInTray,
  Notification: StandInNotification,
  Menu: { buildFromTemplate: (items: unknown[]) => ({ items }) },
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  dialog: { showErrorBox: () => {}, showMessageBox: async () => ({ response: 1 }) },
  ipcMain: {
    handle: (channel: string, listener: Listener) => stage.handlers.set(channel, listener),
    removeHandler: (channel: string) => stage.handlers.delete(channel),
  },
  protocol: {
    registerSchemesAsPrivileged: () => {},
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
      stage.protocolHandler = handler;
    },
  },
  // No keychain: the refresh token stays in memory.
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: (text: string) => Buffer.from(text),
    decryptString: (data: Buffer) => data.toString(),
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: () => {} },
      setPermissionRequestHandler: (handler: typeof stage.permissionRequest) => {
        stage.permissionRequest = handler;
      },
      setPermissionCheckHandler: () => {},
    },
  },
};
