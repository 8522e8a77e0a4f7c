import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { ENTITY_CATEGORIES } from '../domain/entities.js';
import { PacteError, isPacteError } from '../domain/errors.js';
import { translate } from '../i18n/index.js';
import type { Translate } from '../i18n/messages.js';
import { RESET_HOURS } from '../services/issue-password-reset.js';
import { dbMigrate } from './commands/db-migrate.js';
import { exportReview } from './commands/export.js';
import { importFiles } from './commands/import.js';
import { reviewPublish } from './commands/review-publish.js';
import { serve } from './commands/serve.js';
import { entityAdd } from './commands/entity-add.js';
import { cycleAdd } from './commands/cycle-add.js';
import { cycleList } from './commands/cycle-list.js';
import { countrySettings } from './commands/country-settings.js';
import { demoRegion } from './commands/demo-region.js';
import { mailDigest } from './commands/mail-digest.js';
import { userAdd } from './commands/user-add.js';
import { userResetPassword } from './commands/user-reset-password.js';
import { cliTexts } from './texts.js';
import { questionnaireBlank } from './commands/questionnaire-blank.js';

/**
 * Every command: its usage line (the syntax, the same in every language), what it prints when
 * the syntax does not say (in the reader's language), its options (parsed strictly: an unknown
 * flag is an error) and its handler.
 */
interface Command {
  usage: string;
  note?: (t: Translate) => string;
  options: ParseArgsConfig['options'];
  run: (args: Args, config: Config) => Promise<number>;
}
const storageOptions = { data: { type: 'string' } } as const;
const COMMANDS: Record<string, Command> = {
  serve: {
    usage: 'pacte serve [--port 8080] [--host 127.0.0.1] [--data DIR] [--demo [--no-demo-region]]',
    options: {
      ...storageOptions,
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      'demo-region': { type: 'boolean' },
    },
    run: (args, config) => serve(config, Boolean(args.values.demo), args.values['demo-region'] !== false),
  },
  import: {
    usage: 'pacte import FILE… [--country ISO3] [--cycle ID] [--dry-run] [--json] [--data DIR]',
    options: {
      ...storageOptions,
      country: { type: 'string' },
      cycle: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    run: (args, config) =>
      importFiles(config, args.positionals, {
        country: args.values.country as string | undefined,
        cycle: args.values.cycle as string | undefined,
        dryRun: Boolean(args.values['dry-run']),
        json: Boolean(args.values.json),
      }),
  },
  export: {
    usage:
      'pacte export --country ISO3 --cycle ID --format docx|pdf|html|csv|json [--lang fr|en|ar] [--layout table|paragraphs] [--output FILE] [--data DIR]',
    options: {
      ...storageOptions,
      country: { type: 'string' },
      cycle: { type: 'string' },
      format: { type: 'string', default: 'json' },
      lang: { type: 'string' },
      layout: { type: 'string' },
      output: { type: 'string' },
    },
    run: (args, config) =>
      exportReview(config, {
        country: args.required('country'),
        cycle: args.required('cycle'),
        format: args.values.format as string,
        lang: args.values.lang as string | undefined,
        layout: args.values.layout as string | undefined,
        output: args.values.output as string | undefined,
      }),
  },
  'questionnaire blank': {
    usage: 'pacte questionnaire blank --cycle ID [--lang fr|en|ar] [--output FILE] [--data DIR]',
    options: { ...storageOptions, cycle: { type: 'string' }, lang: { type: 'string' }, output: { type: 'string' } },
    run: (args, config) =>
      questionnaireBlank(config, {
        cycle: args.required('cycle'),
        lang: args.values.lang as string | undefined,
        output: args.values.output as string | undefined,
      }),
  },
  'user add': {
    usage:
      'pacte user add --email E [--name NAME] --role admin|secretariat|focal_point|validator|contributor|stakeholder [--country ISO3] [--region ID] [--entity ID] --password-stdin',
    options: {
      ...storageOptions,
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      country: { type: 'string' },
      region: { type: 'string' },
      entity: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    run: (args, config) =>
      userAdd(config, {
        email: args.required('email'),
        name: args.values.name as string | undefined,
        role: args.required('role'),
        country: args.values.country as string | undefined,
        region: args.values.region as string | undefined,
        entity: args.values.entity as string | undefined,
        passwordStdin: Boolean(args.values['password-stdin']),
      }),
  },
  'user reset-password': {
    usage: 'pacte user reset-password --email E',
    note: (t) => t('help.reset_password', { hours: RESET_HOURS }),
    options: { ...storageOptions, email: { type: 'string' } },
    run: (args, config) => userResetPassword(config, { email: args.required('email') }),
  },
  'entity add': {
    usage: `pacte entity add --country ISO3 --name NAME --category ${ENTITY_CATEGORIES.join('|')} [--json]`,
    note: (t) => t('help.entity_add'),
    options: {
      ...storageOptions,
      country: { type: 'string' },
      name: { type: 'string' },
      category: { type: 'string' },
      json: { type: 'boolean' },
    },
    run: (args, config) =>
      entityAdd(config, {
        country: args.required('country'),
        name: args.required('name'),
        category: args.required('category'),
        json: Boolean(args.values.json),
      }),
  },
  'review publish': {
    usage: 'pacte review publish --country ISO3 --cycle ID',
    note: (t) => t('help.review_publish'),
    options: { ...storageOptions, country: { type: 'string' }, cycle: { type: 'string' } },
    run: (args, config) => reviewPublish(config, { country: args.required('country'), cycle: args.required('cycle') }),
  },
  'cycle add': {
    usage:
      'pacte cycle add --id ID --region ID --questionnaire ID [--opens YYYY-MM-DD] [--due YYYY-MM-DD] [--countries ISO3,…] [--languages fr,en,ar] [--title-fr T] [--title-en T] [--title-ar T] [--json]',
    note: (t) => t('help.cycle_add'),
    options: {
      ...storageOptions,
      id: { type: 'string' },
      region: { type: 'string' },
      questionnaire: { type: 'string' },
      opens: { type: 'string' },
      due: { type: 'string' },
      countries: { type: 'string' },
      languages: { type: 'string' },
      'title-fr': { type: 'string' },
      'title-en': { type: 'string' },
      'title-ar': { type: 'string' },
      json: { type: 'boolean' },
    },
    run: (args, config) =>
      cycleAdd(config, {
        id: args.required('id'),
        region: args.required('region'),
        questionnaire: args.required('questionnaire'),
        opens: args.values.opens as string | undefined,
        due: args.values.due as string | undefined,
        countries: args.values.countries as string | undefined,
        languages: args.values.languages as string | undefined,
        title: Object.fromEntries(
          (['fr', 'en', 'ar'] as const).flatMap((l) => {
            const text = args.values[`title-${l}`];
            return typeof text === 'string' ? [[l, text]] : [];
          }),
        ),
        json: Boolean(args.values.json),
      }),
  },
  'cycle list': {
    usage: 'pacte cycle list [--region ID] [--json]',
    options: { ...storageOptions, region: { type: 'string' }, json: { type: 'boolean' } },
    run: (args, config) =>
      cycleList(config, { region: args.values.region as string | undefined, json: Boolean(args.values.json) }),
  },
  'demo region': {
    usage: 'pacte demo region --id ID --countries N --submitted N [--cycles 1|2] [--json] [--data DIR]',
    note: (t) => t('help.demo_region'),
    options: {
      ...storageOptions,
      id: { type: 'string' },
      countries: { type: 'string' },
      submitted: { type: 'string' },
      cycles: { type: 'string' },
      json: { type: 'boolean' },
    },
    run: (args, config) =>
      demoRegion(config, {
        id: args.required('id'),
        countries: args.required('countries'),
        submitted: args.required('submitted'),
        cycles: args.values.cycles as string | undefined,
        json: Boolean(args.values.json),
      }),
  },
  'country settings': {
    usage: 'pacte country settings --country ISO3 [--self-approval allow|refuse] [--data DIR]',
    note: (t) => t('help.country_settings'),
    options: { ...storageOptions, country: { type: 'string' }, 'self-approval': { type: 'string' } },
    run: (args, config) =>
      countrySettings(config, {
        country: args.required('country'),
        selfApproval: args.values['self-approval'] as string | undefined,
      }),
  },
  'mail digest': {
    usage: 'pacte mail digest [--data DIR]',
    note: (t) => t('help.mail_digest'),
    options: storageOptions,
    run: (_args, config) => mailDigest(config),
  },
  'db migrate': {
    usage: 'pacte db migrate [--data DIR]',
    options: storageOptions,
    run: (_args, config) => dbMigrate(config),
  },
};

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };
/** The parsed command line, and `required(name)`: the option's value, or a usage error saying it is missing. */
type Args = Parsed & { required(name: string): string };

function help(t: Translate): string {
  const variables = [
    `DATABASE_URL (${t('help.database_url')})`,
    'PACTE_PORT',
    'PACTE_HOST',
    'PACTE_DATA_DIR',
    'PACTE_LANG (fr|en|ar)',
    'LOG_LEVEL',
    'PACTE_LOGIN_MAX_FAILURES',
    'PACTE_LOGIN_WINDOW_MINUTES',
  ];
  return [
    t('help.title'),
    '',
    t('help.commands'),
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}${c.note ? `   (${c.note(t)})` : ''}`),
    '',
    t('help.environment', { variables: variables.join(', ') }),
  ].join('\n');
}

/** Runs one command line; returns the exit code (0 ok, 2 bad input, 1 internal failure). */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const language = loadConfigLanguage(env);
  const t = cliTexts(language);
  try {
    const name = ['db', 'user', 'entity', 'review', 'cycle', 'demo', 'mail', 'country', 'questionnaire'].includes(
      argv[0] ?? '',
    )
      ? `${argv[0]} ${argv[1] ?? ''}`
      : (argv[0] ?? 'help');
    if (name === 'help' || name === '--help' || name === '-h') {
      process.stdout.write(`${help(t)}\n`);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new PacteError('cli.usage', { problem: t('usage.unknown_command', { command: name.trim() }) });
    let parsed: Parsed;
    try {
      parsed = parseArgs({
        args: argv.slice(name.split(' ').length),
        options: command.options,
        allowPositionals: true,
        // --no-demo-region: a boolean's « no » form.
        allowNegative: true,
        strict: true,
      }) as Parsed;
    } catch (error) {
      // Node's own message (in English), naming the option at fault.
      throw new PacteError('cli.usage', { problem: (error as Error).message.split('\n')[0] });
    }
    const args: Args = {
      ...parsed,
      required(option) {
        const value = parsed.values[option];
        if (typeof value !== 'string' || value === '')
          throw new PacteError('cli.usage', { problem: t('usage.required', { option: `--${option}` }) });
        return value;
      },
    };
    const config = loadConfig(
      { port: args.values.port as string, host: args.values.host as string, data: args.values.data as string },
      env,
    );
    return await command.run(args, config);
  } catch (error) {
    const problem = isPacteError(error) ? error : new PacteError('internal.error');
    if (!isPacteError(error)) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.stderr.write(`error ${problem.code}: ${translate(language, 'errors', problem.code, problem.details)}\n`);
    return problem.status < 500 ? 2 : 1;
  }
}

function loadConfigLanguage(env: NodeJS.ProcessEnv) {
  try {
    return loadConfig({}, env).language;
  } catch {
    return 'en' as const;
  }
}
