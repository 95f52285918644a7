import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, Clock, type Viewer } from '@commons/server-core';
import { PlatformSettingsEntity } from './entities/platform-settings.entity';

@Injectable()
export class PlatformSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<PlatformSettingsEntity> {
    const settings = await manager.findOne(PlatformSettingsEntity, { where: { id: 1 } });
    // The migration inserts the row; its absence means the database was tampered with.
    if (!settings) throw new Error('platform_settings row is missing');
    return settings;
  }

  /** An administrator's change of who may register; a real change goes to the platform's audit log. */
  async update(viewer: Viewer, changes: { openRegistration: boolean }): Promise<PlatformSettingsEntity> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(PlatformSettingsEntity, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new Error('platform_settings row is missing');
      if (before.openRegistration === changes.openRegistration) return before;
      await manager.update(PlatformSettingsEntity, 1, { openRegistration: changes.openRegistration, updatedAt: this.clock.now() });
      await this.audit.record(manager, auditActorOf(viewer), {
        action: 'settings.registration',
        targetKind: 'platform-settings',
        targetId: null,
        communityId: null,
        before: { openRegistration: before.openRegistration },
        after: { openRegistration: changes.openRegistration },
      });
      return this.get(manager);
    });
  }
}
