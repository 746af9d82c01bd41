// The tray icon: its image, tooltip, count and menu drawn from a TrayView (tray-state.ts).
import { join } from 'node:path';
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayView } from './tray-state';

export class DesktopTray {
  private readonly tray: Tray;
  private lastIcon: string | null = null;

  constructor(
    private readonly iconsDir: string,
    private readonly actions: Record<TrayAction, () => void>,
  ) {
    this.tray = new Tray(this.image('disconnected'));
    this.tray.on('click', () => actions.open());
  }

  render(view: TrayView): void {
    if (view.icon !== this.lastIcon) this.tray.setImage(this.image(view.icon));
    this.lastIcon = view.icon;
    this.tray.setToolTip(view.tooltip);
    // The count: beside the icon on macOS, on the dock or launcher badge where there is one.
    if (process.platform === 'darwin') this.tray.setTitle(view.badge);
    app.setBadgeCount(view.badge === '' ? 0 : Number.parseInt(view.badge, 10));
    const template: MenuItemConstructorOptions[] = view.menu.map((item) =>
      'separator' in item
        ? { type: 'separator' }
        : { label: item.label, click: () => this.actions[item.action]() },
    );
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  destroy(): void {
    this.tray.destroy();
  }

  private image(icon: string): Electron.NativeImage {
    // nativeImage picks up <name>@2x.png beside it on high-density screens.
    return nativeImage.createFromPath(join(this.iconsDir, `${icon}.png`));
  }
}
