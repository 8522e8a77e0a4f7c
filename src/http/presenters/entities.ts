/** Entities (ministries, agencies, organisations) where other resources name them. */
import { ENTITY_CATEGORIES } from '../../domain/entities.js';
import { known } from './known.js';

/** An entity as assignments, contributions and dashboards name it (its country is the review's). */
export const presentEntityRef = (entity: { id: number; name: string; category: string }) => ({
  id: entity.id,
  name: entity.name,
  category: known(ENTITY_CATEGORIES, entity.category),
});
