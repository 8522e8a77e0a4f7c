import { describe, expect, it } from 'vitest';
import { can, operator, type Actor, type Grant } from '../../src/domain/permissions.js';

const grant = (role: Grant['role'], scope: Partial<Grant> = {}): Grant => ({
  role,
  country: null,
  region: null,
  entity: null,
  ...scope,
});
const actor = (...grants: Grant[]): Actor => ({ userId: 1, name: 'someone@example.org', grants });

describe('who may do what, country by country', () => {
  it('lets a focal point import for its own country only', () => {
    const focal = actor(grant('focal_point', { country: 'MAR' }));
    expect(can(focal, 'review.import', { country: 'MAR' })).toBe(true);
    expect(can(focal, 'review.import', { country: 'TUN' })).toBe(false);
    expect(can(focal, 'review.import')).toBe(false);
  });

  it('does not let validators, secretariats, contributors or stakeholders import', () => {
    for (const g of [
      grant('validator', { country: 'MAR' }),
      grant('secretariat', { region: 'arab' }),
      grant('contributor', { country: 'MAR', entity: 1 }),
      grant('stakeholder', { country: 'MAR', entity: 2 }),
    ]) {
      expect(can(actor(g), 'review.import', { country: 'MAR' }), g.role).toBe(false);
    }
  });

  it('lets only administrators (and the operator at the command line) manage users', () => {
    expect(can(actor(grant('admin')), 'user.manage')).toBe(true);
    expect(can(operator('root'), 'user.manage')).toBe(true);
    expect(can(actor(grant('focal_point', { country: 'MAR' })), 'user.manage')).toBe(false);
  });

  it('lets a secretariat manage the focal points and validators of its region, a focal point its country’s entity members (people.manage)', () => {
    const secretariat = actor(grant('secretariat', { region: 'arab' }));
    expect(can(secretariat, 'people.manage', { role: 'focal_point', country: 'MAR', region: 'arab' })).toBe(true);
    expect(can(secretariat, 'people.manage', { role: 'validator', country: 'MAR', region: 'arab' })).toBe(true);
    expect(can(secretariat, 'people.manage', { role: 'focal_point', country: 'MAR', region: 'africa' })).toBe(false);
    expect(can(secretariat, 'people.manage', { role: 'focal_point', region: 'arab' })).toBe(false);
    for (const role of ['contributor', 'stakeholder', 'secretariat', 'admin'] as const) {
      expect(can(secretariat, 'people.manage', { role, country: 'MAR', region: 'arab', entity: 1 }), role).toBe(false);
    }
    const focal = actor(grant('focal_point', { country: 'MAR' }));
    expect(can(focal, 'people.manage', { role: 'contributor', country: 'MAR', entity: 1 })).toBe(true);
    expect(can(focal, 'people.manage', { role: 'stakeholder', country: 'MAR', entity: 2 })).toBe(true);
    expect(can(focal, 'people.manage', { role: 'contributor', country: 'TUN', entity: 3 })).toBe(false);
    expect(can(focal, 'people.manage', { role: 'validator', country: 'MAR' })).toBe(false);
    expect(can(focal, 'people.manage', { role: 'focal_point', country: 'MAR' })).toBe(false);
    for (const g of [grant('validator', { country: 'MAR' }), grant('contributor', { country: 'MAR', entity: 1 })]) {
      expect(can(actor(g), 'people.manage', { role: 'contributor', country: 'MAR', entity: 1 }), g.role).toBe(false);
    }
    expect(can(actor(grant('admin')), 'people.manage', { role: 'admin' })).toBe(true);
  });

  it('lets nobody do anything without signing in, or without a role', () => {
    expect(can(null, 'review.import', { country: 'MAR' })).toBe(false);
    expect(can(actor(), 'review.import', { country: 'MAR' })).toBe(false);
  });

  it('adds up the roles of someone who holds several', () => {
    const both = actor(grant('validator', { country: 'MAR' }), grant('focal_point', { country: 'TUN' }));
    expect(can(both, 'review.import', { country: 'TUN' })).toBe(true);
    expect(can(both, 'review.import', { country: 'MAR' })).toBe(false);
  });

  it('lets a secretariat manage the cycles of its own region only (cycle.manage), and admins every region', () => {
    const secretariat = actor(grant('secretariat', { region: 'arab' }));
    expect(can(secretariat, 'cycle.manage', { region: 'arab' })).toBe(true);
    expect(can(secretariat, 'cycle.manage', { region: 'africa' })).toBe(false);
    expect(can(secretariat, 'cycle.manage')).toBe(false);
    expect(
      can(actor(grant('focal_point', { country: 'MAR' })), 'cycle.manage', { region: 'arab', country: 'MAR' }),
    ).toBe(false);
    expect(can(actor(grant('admin')), 'cycle.manage', { region: 'africa' })).toBe(true);
  });

  it('lets a translator read its region’s submissions and translate them, and nothing else (migration 031)', () => {
    const translator = actor(grant('translator', { region: 'arab' }));
    const scope = { region: 'arab', country: 'MAR', status: 'submitted' };
    expect(can(translator, 'submission.read', scope)).toBe(true);
    expect(can(translator, 'translation.write', scope)).toBe(true);
    expect(can(translator, 'translation.write', { ...scope, region: 'africa' })).toBe(false);
    for (const action of [
      'submission.acknowledge',
      'submission.comment',
      'submission.return',
      'cycle.manage',
      'review.read',
      'answer.edit',
      'people.manage',
    ] as const) {
      expect(can(translator, action, { ...scope, role: 'focal_point' }), action).toBe(false);
    }
    // The region's secretariat translates too, and invites its translators; a country's team does neither.
    const secretariat = actor(grant('secretariat', { region: 'arab' }));
    expect(can(secretariat, 'translation.write', scope)).toBe(true);
    expect(can(secretariat, 'people.manage', { role: 'translator', region: 'arab' })).toBe(true);
    expect(can(secretariat, 'people.manage', { role: 'translator', region: 'africa' })).toBe(false);
    expect(can(actor(grant('focal_point', { country: 'MAR' })), 'translation.write', scope)).toBe(false);
    expect(can(translator, 'people.manage', { role: 'translator', region: 'arab' })).toBe(false);
  });
});
