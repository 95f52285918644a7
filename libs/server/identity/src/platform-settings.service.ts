import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@commons/server-core';
import { PlatformSettingsEntity } from './entities/platform-settings.entity';

@Injectable()
export class PlatformSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<PlatformSettingsEntity> {
    const settings = await manager.findOne(PlatformSettingsEntity, { where: { id: 1 } });
    // The migration inserts the row; its absence means the database was tampered with.
    if (!settings) throw new Error('platform_settings row is missing');
    return settings;
  }

  async update(changes: { openRegistration: boolean }): Promise<PlatformSettingsEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.update(PlatformSettingsEntity, 1, { ...changes, updatedAt: this.clock.now() });
      return this.get(manager);
    });
  }
}
