import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Organisation-wide switches; exactly one row (id = 1), created by the migration. */
@Entity('platform_settings')
@Check('platform_settings_single_row', '"id" = 1')
export class PlatformSettingsEntity {
  @PrimaryColumn('smallint')
  id: number;

  @Column('boolean', { name: 'open_registration', default: true })
  openRegistration: boolean;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
