import * as migration_20261126_233320_initial from './20261126_233320_initial';
import * as migration_20261127_034744_identity from './20261127_034744_identity';
import * as migration_20261127_044246_anime_catalog from './20261127_044246_anime_catalog';
import * as migration_20261127_052617_anime_airing_status_enum from './20261127_052617_anime_airing_status_enum';
import * as migration_20261127_064305_search_index_fastupdate_off from './20261127_064305_search_index_fastupdate_off';
import * as migration_20261127_065107_events_outbox from './20261127_065107_events_outbox';
import * as migration_20261127_072108_aviation from './20261127_072108_aviation';
import * as migration_20261202_092752_cache_invalidations from './20261202_092752_cache_invalidations';
import * as migration_20261202_123853_auth_identities from './20261202_123853_auth_identities';
import * as migration_20261202_124530_two_factor_and_email_verification from './20261202_124530_two_factor_and_email_verification';
import * as migration_20261202_201723_count_change_stamps from './20261202_201723_count_change_stamps';
import * as migration_20261202_210000_anime_search_notify from './20261202_210000_anime_search_notify';

export const migrations = [
  {
    up: migration_20261126_233320_initial.up,
    down: migration_20261126_233320_initial.down,
    name: '20261126_233320_initial',
  },
  {
    up: migration_20261127_034744_identity.up,
    down: migration_20261127_034744_identity.down,
    name: '20261127_034744_identity',
  },
  {
    up: migration_20261127_044246_anime_catalog.up,
    down: migration_20261127_044246_anime_catalog.down,
    name: '20261127_044246_anime_catalog',
  },
  {
    up: migration_20261127_052617_anime_airing_status_enum.up,
    down: migration_20261127_052617_anime_airing_status_enum.down,
    name: '20261127_052617_anime_airing_status_enum',
  },
  {
    up: migration_20261127_064305_search_index_fastupdate_off.up,
    down: migration_20261127_064305_search_index_fastupdate_off.down,
    name: '20261127_064305_search_index_fastupdate_off',
  },
  {
    up: migration_20261127_065107_events_outbox.up,
    down: migration_20261127_065107_events_outbox.down,
    name: '20261127_065107_events_outbox',
  },
  {
    up: migration_20261127_072108_aviation.up,
    down: migration_20261127_072108_aviation.down,
    name: '20261127_072108_aviation',
  },
  {
    up: migration_20261202_092752_cache_invalidations.up,
    down: migration_20261202_092752_cache_invalidations.down,
    name: '20261202_092752_cache_invalidations',
  },
  {
    up: migration_20261202_123853_auth_identities.up,
    down: migration_20261202_123853_auth_identities.down,
    name: '20261202_123853_auth_identities',
  },
  {
    up: migration_20261202_124530_two_factor_and_email_verification.up,
    down: migration_20261202_124530_two_factor_and_email_verification.down,
    name: '20261202_124530_two_factor_and_email_verification',
  },
  {
    up: migration_20261202_201723_count_change_stamps.up,
    down: migration_20261202_201723_count_change_stamps.down,
    name: '20261202_201723_count_change_stamps',
  },
  {
    up: migration_20261202_210000_anime_search_notify.up,
    down: migration_20261202_210000_anime_search_notify.down,
    name: '20261202_210000_anime_search_notify',
  },
];
