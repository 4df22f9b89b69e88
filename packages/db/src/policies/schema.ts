import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';

/**
 * 政策 (docs/policies.md): one policy document as ingested — its full source text kept verbatim,
 * so every measure and term points into it by offsets (UTF-16 code units, as JavaScript counts),
 * and its detected metadata, which the operator may correct before publishing.
 * status: draft → published → withdrawn (policyMachine).
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    issuer: text('issuer'),
    issuedOn: date('issued_on', { mode: 'string' }),
    /** 发文字号, e.g. 渝府办发〔2024〕12号 (brackets normalised to 〔〕). */
    documentNumber: text('document_number'),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    /** The sentence the validity was read from (有效期至…, 自…起施行). */
    validityPhrase: text('validity_phrase'),
    /** GB/T 2260 code of the issuing government's area, when known. */
    regionCode: text('region_code'),
    sourceText: text('source_text').notNull(),
    /** paste | docx | pdf | html | txt */
    sourceFormat: text('source_format').notNull(),
    sourceFilename: text('source_filename'),
    /** Of the source text (UTF-8): the same document ingested twice is found by it. */
    sourceSha256: text('source_sha256').notNull(),
    status: text('status').notNull().default('draft'),
    statusReason: text('status_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    publishedAt: tz('published_at'),
  },
  (t) => [
    uniqueIndex('policies_source_uq').on(t.sourceSha256),
    index('policies_status_idx').on(t.status, t.issuedOn),
    index('policies_valid_until_idx').on(t.validUntil),
  ],
);

/**
 * 政策措施: one numbered part of a policy (一、 / （一） / 1. / 第X条 / 一是…), nested by `path`
 * ('2', '2.3', '2.3.1'). [span_start, span_end) is its exact source text in policies.source_text.
 * The extracted fields are the reading the operator reviews and corrects (edited = corrected).
 */
export const policyMeasures = pgTable(
  'policy_measures',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    /** Document order. */
    seq: integer('seq').notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    marker: text('marker').notNull(),
    heading: text('heading'),
    spanStart: integer('span_start').notNull(),
    spanEnd: integer('span_end').notNull(),
    /** A POLICY_SUPPORT_TYPES code (subsidy, reward, tax, finance, service, other) once classified. */
    supportType: text('support_type'),
    /** [{text, span}] */
    responsibleUnits: jsonb('responsible_units').notNull().default([]),
    leadUnit: text('lead_unit'),
    beneficiaries: jsonb('beneficiaries').notNull().default([]),
    /** The conditions as written: [{text, span, kind?}] */
    conditionTexts: jsonb('condition_texts').notNull().default([]),
    /** The conditions as rules the matching evaluates (PolicyCondition[]), set by the operator. */
    conditions: jsonb('conditions').notNull().default([]),
    /** 申报截止 for this measure, when it has one. */
    deadlineOn: date('deadline_on', { mode: 'string' }),
    edited: boolean('edited').notNull().default(false),
  },
  (t) => [
    uniqueIndex('policy_measures_path_uq').on(t.policyId, t.path),
    check('policy_measures_span_ck', sql`${t.spanStart} >= 0 and ${t.spanEnd} > ${t.spanStart}`),
  ],
);

/**
 * 量化条款: a term of a measure (eval/README: ratio_cap, amount, count, target_year …), normalised:
 * money in 万元, shares in %, dates ISO (value_text). Spans are in the policy's source text.
 */
export const policyTerms = pgTable(
  'policy_terms',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => policyMeasures.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** The number, exactly (numeric, not float); null for a date. */
    valueNumber: numeric('value_number'),
    /** A date term's ISO value (YYYY-MM-DD, YYYY-MM or --MM-DD). */
    valueText: text('value_text'),
    unit: text('unit').notNull(),
    qualifier: text('qualifier'),
    spanStart: integer('span_start').notNull(),
    spanEnd: integer('span_end').notNull(),
    edited: boolean('edited').notNull().default(false),
  },
  (t) => [index('policy_terms_measure_idx').on(t.measureId)],
);

/**
 * A measure's calculator (测算器): the formula as data (PolicyCalculator of the domain), proposed
 * from its terms and confirmed by an operator before anyone can use it.
 */
export const policyCalculators = pgTable('policy_calculators', {
  measureId: uuid('measure_id')
    .primaryKey()
    .references(() => policyMeasures.id, { onDelete: 'cascade' }),
  definition: jsonb('definition').notNull(),
  /** proposed | confirmed */
  status: text('status').notNull().default('proposed'),
  confirmedBy: uuid('confirmed_by').references(() => users.id),
  confirmedAt: tz('confirmed_at'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/**
 * What an organisation tells the policy hub about itself (政策画像), beyond what the platform
 * already holds (kind, region, qualifications, 失信 flag). Entered by the organisation; the
 * operator's confirmation is recorded (confirmed_at) and cleared by any later change.
 */
export const organizationPolicyProfiles = pgTable(
  'organization_policy_profiles',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    employees: integer('employees'),
    /** A REVENUE_BANDS code. */
    revenueBand: text('revenue_band'),
    /** 研发投入占比, %, two decimals. */
    rdSharePercent: numeric('rd_share_percent', { precision: 5, scale: 2 }),
    sectors: text('sectors').array(),
    foundedOn: date('founded_on', { mode: 'string' }),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: tz('confirmed_at'),
  },
  (t) => [check('organization_policy_profiles_rd_ck', sql`${t.rdSharePercent} is null or ${t.rdSharePercent} between 0 and 100`)],
);

/**
 * 免申即享 (docs/policies.md): one organisation found eligible for one measure by a comparison
 * run (数据比对), then asked to confirm it wants the support (意愿确认), then recorded as
 * granted (兑现登记) or declined. One row per measure and organisation: a later run never adds
 * a second one (idempotent). stage: matched → confirmed | declined; confirmed → redeemed.
 */
export const policyRedemptions = pgTable(
  'policy_redemptions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => policyMeasures.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    runId: uuid('run_id').notNull(),
    stage: text('stage').notNull().default('matched'),
    /** The checks that made it eligible, as the evaluator said them (ConditionCheck[]). */
    checks: jsonb('checks').notNull().default([]),
    matchedAt: tz('matched_at').notNull().defaultNow(),
    decidedAt: tz('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    redeemedAt: tz('redeemed_at'),
    redeemedBy: uuid('redeemed_by').references(() => users.id),
    /** The amount granted, 分. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('policy_redemptions_measure_org_uq').on(t.measureId, t.organizationId),
    index('policy_redemptions_org_idx').on(t.organizationId, t.stage),
  ],
);

/** One comparison run of 免申即享 over every organisation, with what it found. */
export const policyRedemptionRuns = pgTable(
  'policy_redemption_runs',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => policyMeasures.id, { onDelete: 'cascade' }),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: tz('started_at').notNull().defaultNow(),
    finishedAt: tz('finished_at'),
    organizations: integer('organizations').notNull().default(0),
    eligible: integer('eligible').notNull().default(0),
    unknown: integer('unknown').notNull().default(0),
    added: integer('added').notNull().default(0),
  },
  (t) => [index('policy_redemption_runs_measure_idx').on(t.measureId, t.startedAt)],
);

/**
 * 政策动态: a numbered digest issue, 第N期（总第M期）, composed by an operator from published
 * policies, published as HTML and DOCX, mailed to subscribers and kept in the public archive.
 * status: draft → published. Numbers are given at publication: N counts within the year.
 */
export const policyDigests = pgTable(
  'policy_digests',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    /** 编者按 / the issue's introduction. */
    intro: text('intro'),
    /** 本期推荐研究方向: [{title, text}] suggested from the topics, edited by the operator. */
    directions: jsonb('directions').notNull().default([]),
    status: text('status').notNull().default('draft'),
    year: integer('year'),
    issueNo: integer('issue_no'),
    totalNo: integer('total_no'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    publishedAt: tz('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('policy_digests_issue_uq').on(t.year, t.issueNo), uniqueIndex('policy_digests_total_uq').on(t.totalNo)],
);

/** A policy in a digest issue, in order, with its summary and the measures it highlights. */
export const policyDigestItems = pgTable(
  'policy_digest_items',
  {
    digestId: uuid('digest_id')
      .notNull()
      .references(() => policyDigests.id, { onDelete: 'cascade' }),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    seq: integer('seq').notNull(),
    summary: text('summary').notNull(),
    /** The measures shown under the summary, in order. */
    measureIds: uuid('measure_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [uniqueIndex('policy_digest_items_uq').on(t.digestId, t.policyId)],
);
