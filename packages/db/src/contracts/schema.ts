import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz } from '../columns.js';
import { organizations, users } from '../organizations/schema.js';
import { submissions } from '../submissions/schema.js';
import { deals } from '../deals/schema.js';

/**
 * 技术合同登记 (docs/contracts.md). One row per version: a change or cancellation (变更/注销) of a
 * registered contract is a new row in the same `lineage_id` with `kind` change | cancellation and
 * `supersedes_id` the version it replaces; registering it sets the old version's `superseded_at`.
 * The statistics count only current versions: registered, not superseded, not a cancellation.
 * Amounts in 分; 技术交易额 never exceeds 合同成交额 (CHECK).
 */
export const techContracts = pgTable(
  'tech_contracts',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** The first version's id; every version of one contract shares it. */
    lineageId: uuid('lineage_id').notNull(),
    versionNo: integer('version_no').notNull().default(1),
    /** original | change | cancellation */
    kind: text('kind').notNull().default('original'),
    supersedesId: uuid('supersedes_id'),
    supersededAt: tz('superseded_at'),
    /** The seller side's organisation, which registers (the owner). */
    sellerOrganizationId: uuid('seller_organization_id')
      .notNull()
      .references(() => organizations.id),
    projectName: text('project_name').notNull(),
    /** A CONTRACT_TYPES code of the domain (e.g. development_commissioned, transfer_patent, license). */
    contractType: text('contract_type').notNull(),
    buyerName: text('buyer_name').notNull(),
    buyerCreditCode: text('buyer_credit_code').notNull(),
    buyerRegionCode: text('buyer_region_code').notNull(),
    buyerNatureCode: text('buyer_nature_code').notNull(),
    sellerName: text('seller_name').notNull(),
    sellerCreditCode: text('seller_credit_code').notNull(),
    sellerRegionCode: text('seller_region_code').notNull(),
    sellerNatureCode: text('seller_nature_code').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    contractAmountFen: bigint('contract_amount_fen', { mode: 'number' }).notNull(),
    technologyAmountFen: bigint('technology_amount_fen', { mode: 'number' }).notNull(),
    paymentMethod: text('payment_method').notNull(),
    /** [{number, kind: 'patent' | 'application'}], numbers normalised and check-digit validated. */
    patents: jsonb('patents')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Transfers: expected new investment and output value (分). */
    expectedInvestmentFen: bigint('expected_investment_fen', { mode: 'number' }),
    expectedOutputFen: bigint('expected_output_fen', { mode: 'number' }),
    /** A technology-field code of the taxonomy, for turnover by field. */
    technologyField: text('technology_field'),
    dealId: uuid('deal_id').references(() => deals.id),
    needId: uuid('need_id').references(() => submissions.id),
    status: text('status').notNull(),
    /** The registrar's reason for 补正 or 未予登记; changes with the registration's state. */
    statusReason: text('status_reason'),
    /** Why this version exists (注销原因), set when a change or cancellation starts; never overwritten. */
    versionNote: text('version_note'),
    /** When the statutory clock started: the (re)submission. */
    clockStartedAt: tz('clock_started_at'),
    /** The statutory last day (Asia/Shanghai): 15 working days, 30 with expert review. */
    dueOn: date('due_on', { mode: 'string' }),
    expertReview: boolean('expert_review').notNull().default(false),
    submittedAt: tz('submitted_at'),
    acceptedAt: tz('accepted_at'),
    registeredAt: tz('registered_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** 登记编号: year + region code + serial. */
    registrationNo: text('registration_no'),
    /** online | import */
    origin: text('origin').notNull().default('online'),
    /** For imports: the historical record's key, so a re-import changes nothing. */
    importKey: text('import_key'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('tech_contracts_lineage_version_uq').on(t.lineageId, t.versionNo),
    uniqueIndex('tech_contracts_registration_no_uq')
      .on(t.registrationNo)
      .where(sql`${t.registrationNo} is not null`),
    uniqueIndex('tech_contracts_import_key_uq')
      .on(t.importKey)
      .where(sql`${t.importKey} is not null`),
    index('tech_contracts_seller_idx').on(t.sellerOrganizationId, t.status),
    index('tech_contracts_status_idx').on(t.status, t.dueOn),
    index('tech_contracts_current_idx')
      .on(t.registeredAt)
      .where(sql`${t.status} = 'registered' and ${t.supersededAt} is null and ${t.kind} <> 'cancellation'`),
    index('tech_contracts_deal_idx').on(t.dealId),
    index('tech_contracts_need_idx').on(t.needId),
    check('tech_contracts_kind', sql`${t.kind} in ('original', 'change', 'cancellation')`),
    check(
      'tech_contracts_status',
      sql`${t.status} in ('draft', 'submitted', 'accepted', 'returned', 'registered', 'refused', 'discarded')`,
    ),
    check('tech_contracts_amounts', sql`${t.contractAmountFen} >= 0 and ${t.technologyAmountFen} >= 0`),
    check('tech_contracts_technology_within_contract', sql`${t.technologyAmountFen} <= ${t.contractAmountFen}`),
    check('tech_contracts_validity', sql`${t.validFrom} <= ${t.validUntil}`),
  ],
);

/** The signed contract (PDF), checked by content and size before it is read whole; a version may hold several. */
export const techContractAttachments = pgTable(
  'tech_contract_attachments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => techContracts.id),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('tech_contract_attachments_contract_idx').on(t.contractId)],
);
