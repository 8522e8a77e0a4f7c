import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import type { PracticeInput } from '../domain/practices.js';
import { SYNTHETIC_LABEL } from '../domain/synthetic.js';
import { movePractice } from './move-practice.js';
import { proposePractice } from './propose-practice.js';
import { translatePractice } from './translate-practice.js';

/** A fictional practice in each language: plain, neutral, and saying it is generated. */
const TEXTS: Record<Language, (country: string) => PracticeInput> = {
  fr: (country) => ({
    title: `[${SYNTHETIC_LABEL.fr}] Guichet unique fictif pour les travailleurs migrants`,
    summary: `Pratique inventée pour la démonstration : ${country} n'existe pas. Un guichet unique fictif oriente les travailleurs migrants vers les services sociaux.`,
    description: 'Texte généré : il montre la forme d’une pratique, sans en donner le fond.',
    results: 'Résultats fictifs : aucun chiffre réel.',
    objectives: [6, 15],
    principles: ['whole-of-government', 'people-centred'],
    stakeholders: ['government', 'civil_society'],
    implementing: ['Ministère fictif du Travail'],
  }),
  ar: (country) => ({
    title: `[${SYNTHETIC_LABEL.ar}] منصة رقمية افتراضية لتسجيل العمال المهاجرين`,
    summary: `ممارسة مُولَّدة للعرض التوضيحي: ${country} غير موجود. منصة رقمية افتراضية تسجّل العمال المهاجرين.`,
    description: 'نص مُولَّد يبيّن شكل الممارسة دون مضمونها.',
    objectives: [4, 6],
    principles: ['human-rights'],
    stakeholders: ['government', 'private_sector'],
    implementing: ['وزارة افتراضية للعمل'],
  }),
  en: (country) => ({
    title: `[${SYNTHETIC_LABEL.en}] Fictional city network for migrant inclusion`,
    summary: `A practice generated for the demonstration: ${country} does not exist. A fictional network of cities shares ways to include migrants.`,
    description: 'Generated text showing the shape of a practice without its substance.',
    objectives: [16],
    principles: ['whole-of-society'],
    stakeholders: ['local_authority', 'migrant_association'],
    implementing: ['Fictional association of cities'],
  }),
};

/** The French practice's title and summary in English and Arabic: its human translations. */
const TRANSLATIONS: Record<'en' | 'ar', (country: string) => { title: string; summary: string }> = {
  en: (country) => ({
    title: `[${SYNTHETIC_LABEL.en}] Fictional one-stop shop for migrant workers`,
    summary: `A practice made up for the demonstration: ${country} does not exist. A fictional one-stop shop directs migrant workers to social services.`,
  }),
  ar: (country) => ({
    title: `[${SYNTHETIC_LABEL.ar}] شباك موحّد افتراضي للعمال المهاجرين`,
    summary: `ممارسة مُختلَقة للعرض التوضيحي: ${country} غير موجود. شباك موحّد افتراضي يوجّه العمال المهاجرين إلى الخدمات الاجتماعية.`,
  }),
};

/**
 * The demo region's practices (docs/practices.md): one published practice per language, the French
 * one translated into the other two, and one left proposed for the secretariat's queue, written
 * through the services real use goes through (so moves, audit and search are real), all
 * synthetic as everything of a fictional region is.
 */
export async function writeDemoPractices(
  db: Kysely<Database>,
  actor: Actor,
  demo: { cycle: string; countries: readonly { code: string; language: Language }[] },
): Promise<void> {
  const firstOf = (language: Language) => demo.countries.find((c) => c.language === language);
  for (const language of ['fr', 'ar', 'en'] as const) {
    const country = firstOf(language);
    if (!country) continue;
    const fields = { scope: 'national', period: { start: '2020', end: null }, ...TEXTS[language](country.code) };
    const practice = await proposePractice(db, actor, { cycle: demo.cycle, country: country.code, language, fields });
    await movePractice(db, actor, practice.id, { to: 'in_review' });
    if (language === 'fr') {
      for (const other of ['en', 'ar'] as const) {
        await translatePractice(db, actor, practice.id, other, TRANSLATIONS[other](country.code));
      }
    }
    await movePractice(db, actor, practice.id, { to: 'published' });
  }
  const last = demo.countries[demo.countries.length - 1];
  if (last) {
    const fields = { scope: 'local', ...TEXTS[last.language](last.code) };
    await proposePractice(db, actor, { cycle: demo.cycle, country: last.code, language: last.language, fields });
  }
}
