/**
 * Open data: a published batch as an OCDS 1.1-style release package, so other regions'
 * platforms can read our lists without scraping.
 *
 * Schema note (what a reader can rely on):
 * - Package: `{ uri, version: '1.1', publishedDate, publisher: { name, uri }, extensions, releases }`.
 *   `publishedDate` is the batch's latest change (publication or newest correction), so a release
 *   `date` is never later than it. `extensions` lists the OCDS Location extension, used only for
 *   `items[].deliveryAddress`.
 * - One release per entry, in seq order. `ocid` = `${ocidPrefix}-{N|C}${year}-${number}-${seq}`: stable
 *   for the life of the entry, shared by all its versions. Release `id` = `${ocid}-v${version}`.
 *   The package carries the current version of each entry only.
 * - `tag`: ['planning'] for version 1, ['planningUpdate'] for a correction. A scenario list is early
 *   market engagement (needs and offers published before any formal procurement), which is what the
 *   planning stage describes; `tender.status` is 'planning' (an OCDS 1.1 code; 1.2 folds it into
 *   'planned') and `tender` carries the details of the proposed process, as 1.1 allows.
 *   `initiationType` is always 'tender' (the only code).
 * - A correction also gets `tender.amendments[0]`: `{ id, date: correctedAt, rationale: erratum,
 *   amendsReleaseID: v(n-1), releaseID: v(n) }`.
 * - Parties (roles from the partyRole codelist):
 *   - scenario_need: the need owner is 'buyer' (the organisation that would use and pay for the
 *     solution) and is also `release.buyer`;
 *   - capability: the capability owner is 'tenderer' (it offers a solution in response to the call;
 *     'supplier' would claim an award that never happened) and is listed in `tender.tenderers`;
 *     there is no buyer;
 *   - the list issuer (batch.issuer, e.g. 重庆市人工智能场景创新促进中心) is 'procuringEntity': it runs
 *     the call and the matching, though it signs no contract itself; also `tender.procuringEntity`.
 *   Owner party id is `CN-USCC-<credit code>` with `identifier: { scheme: 'CN-USCC', id }`; the
 *   issuer's id is 'issuer'. `contactPoint` appears only when the owner chose to publish a contact
 *   (telephone and email are split out of the free text when recognisable).
 * - `tender.items[0]`: `classification` scheme 'SceneBridge-sector' (our sector code, Chinese name as
 *   description); `additionalClassifications` scheme 'SceneBridge-tech' per technology field;
 *   `deliveryAddress` (Location extension) `{ region: '重庆市渝北区', countryName: '中国' }` when the
 *   entry has a region (full name of the GB/T 2260 division).
 * - `tender.tenderPeriod` is the call window; `tender.value` / `tender.minValue` are the budget range
 *   converted from 万元 to CNY (× 10,000, rounded to the fen) when present.
 * - `tender.documents[0]` links the public batch page (documentType 'plannedProcurementNotice').
 * Output is deterministic: built only from the snapshot and the options, with a fixed key order.
 */
import { regionFullName, sectorName, techFieldName } from '@scenebridge/domain';
import { batchUrl } from './atom.js';
import { batchUpdatedAt, orderedEntries, toRfc3339 } from './format.js';
import type { PublishedBatch, PublishedEntry } from './types.js';

export const OCDS_SECTOR_SCHEME = 'SceneBridge-sector';
export const OCDS_TECH_SCHEME = 'SceneBridge-tech';
export const OCDS_ORG_SCHEME = 'CN-USCC';
export const OCDS_ISSUER_PARTY_ID = 'issuer';
export const OCDS_LOCATION_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_location_extension/master/extension.json';

export interface OcdsOptions {
  /** Registered OCID prefix, e.g. 'ocds-abc123' (a trailing '-' is ignored). */
  ocidPrefix: string;
  /** Public site root, e.g. https://scene.example.cn. */
  baseUrl: string;
  /** Publisher of the data package (the platform operator). */
  publisherName: string;
  /** URI of this package; defaults to `${baseUrl}/public/batches/${id}/ocds.json`. */
  uri?: string;
}

export interface OcdsOrganizationReference {
  id: string;
  name: string;
}
export interface OcdsValue {
  amount: number;
  currency: 'CNY';
}
export interface OcdsClassification {
  scheme: string;
  id: string;
  description: string;
}
export interface OcdsParty {
  id: string;
  name: string;
  identifier?: { scheme: string; id: string; legalName: string };
  contactPoint?: { name?: string; telephone?: string; email?: string };
  roles: string[];
}
export interface OcdsItem {
  id: string;
  description: string;
  classification: OcdsClassification;
  additionalClassifications: OcdsClassification[];
  deliveryAddress?: { region: string; countryName: string };
}
export interface OcdsAmendment {
  id: string;
  date: string;
  rationale: string;
  amendsReleaseID: string;
  releaseID: string;
}
export interface OcdsTender {
  id: string;
  title: string;
  description: string;
  status: 'planning';
  procuringEntity: OcdsOrganizationReference;
  items: OcdsItem[];
  tenderPeriod: { startDate: string; endDate: string };
  value?: OcdsValue;
  minValue?: OcdsValue;
  tenderers?: OcdsOrganizationReference[];
  documents: Array<{ id: string; documentType: string; title: string; url: string; format: string; language: string }>;
  amendments?: OcdsAmendment[];
}
export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: ['planning'] | ['planningUpdate'];
  initiationType: 'tender';
  language: 'zh';
  parties: OcdsParty[];
  buyer?: OcdsOrganizationReference;
  tender: OcdsTender;
}
export interface OcdsReleasePackage {
  uri: string;
  version: '1.1';
  publishedDate: string;
  publisher: { name: string; uri: string };
  extensions: string[];
  releases: OcdsRelease[];
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Batch numbers restart per list type, so the list type is part of the identifier: N(eeds) or C(apabilities). */
export function entryOcid(prefix: string, batch: Pick<PublishedBatch, 'year' | 'number' | 'listType'>, seq: number): string {
  const p = prefix.trim().replace(/-+$/, '');
  if (!p) throw new RangeError('ocidPrefix is empty');
  return `${p}-${batch.listType === 'scenario_need' ? 'N' : 'C'}${batch.year}-${batch.number}-${seq}`;
}

/** 万元 → CNY, rounded to the fen; undefined for a missing or non-finite budget. */
export function wanToCny(wan: number | null | undefined): OcdsValue | undefined {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return undefined;
  return { amount: Math.round(wan * 1_000_000) / 100, currency: 'CNY' };
}

const PHONE = /\+?\d[\d\s-]{5,}\d(?:\s*(?:转|ext\.?|x)\s*\d+)?/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Splits '李工 023-63891234 li@example.com' into name / telephone / email where recognisable. */
export function parseContact(contact: string): { name?: string; telephone?: string; email?: string } {
  let rest = contact.trim();
  const email = rest.match(EMAIL)?.[0];
  if (email) rest = rest.replace(email, ' ');
  const telephone = rest.match(PHONE)?.[0]?.trim();
  if (telephone) rest = rest.replace(telephone, ' ');
  const name = rest.replace(/[\s,，;；:：/|、]+/g, ' ').trim();
  return { ...(name ? { name } : {}), ...(telephone ? { telephone } : {}), ...(email ? { email } : {}) };
}

function ownerParty(entry: PublishedEntry, role: 'buyer' | 'tenderer'): OcdsParty {
  const code = entry.issuerCreditCode.trim();
  return {
    id: `${OCDS_ORG_SCHEME}-${code}`,
    name: entry.issuer,
    identifier: { scheme: OCDS_ORG_SCHEME, id: code, legalName: entry.issuer },
    ...(entry.contact?.trim() ? { contactPoint: parseContact(entry.contact) } : {}),
    roles: [role],
  };
}

function entryRelease(batch: PublishedBatch, entry: PublishedEntry, opts: OcdsOptions, pageUrl: string): OcdsRelease {
  const ocid = entryOcid(opts.ocidPrefix, batch, entry.seq);
  const releaseId = `${ocid}-v${entry.version}`;
  const isNeed = batch.listType === 'scenario_need';
  const owner = ownerParty(entry, isNeed ? 'buyer' : 'tenderer');
  const ownerRef = { id: owner.id, name: owner.name };
  const issuerRef = { id: OCDS_ISSUER_PARTY_ID, name: batch.issuer };
  const corrected = entry.version > 1;
  const date = toRfc3339(corrected && entry.correctedAt ? entry.correctedAt : batch.publishedAt);
  const value = wanToCny(entry.budgetMax);
  const minValue = wanToCny(entry.budgetMin);

  const item: OcdsItem = {
    id: '1',
    description: entry.name,
    classification: { scheme: OCDS_SECTOR_SCHEME, id: entry.sector, description: sectorName(entry.sector) },
    additionalClassifications: entry.techFields.map((id) => ({ scheme: OCDS_TECH_SCHEME, id, description: techFieldName(id) })),
    ...(entry.regionCode ? { deliveryAddress: { region: regionFullName(entry.regionCode), countryName: '中国' } } : {}),
  };

  const tender: OcdsTender = {
    id: ocid,
    title: entry.name,
    description: entry.description,
    status: 'planning',
    procuringEntity: issuerRef,
    items: [item],
    tenderPeriod: { startDate: toRfc3339(batch.callOpensAt), endDate: toRfc3339(batch.callClosesAt) },
    ...(value ? { value } : {}),
    ...(minValue ? { minValue } : {}),
    ...(isNeed ? {} : { tenderers: [ownerRef] }),
    documents: [
      { id: 'batch-page', documentType: 'plannedProcurementNotice', title: batch.title, url: pageUrl, format: 'text/html', language: 'zh' },
    ],
    ...(corrected
      ? {
          amendments: [
            {
              id: `${ocid}-amendment-${entry.version}`,
              date,
              rationale: entry.erratum?.trim() || '更正',
              amendsReleaseID: `${ocid}-v${entry.version - 1}`,
              releaseID: releaseId,
            },
          ],
        }
      : {}),
  };

  return {
    ocid,
    id: releaseId,
    date,
    tag: corrected ? ['planningUpdate'] : ['planning'],
    initiationType: 'tender',
    language: 'zh',
    parties: [owner, { id: OCDS_ISSUER_PARTY_ID, name: batch.issuer, roles: ['procuringEntity'] }],
    ...(isNeed ? { buyer: ownerRef } : {}),
    tender,
  };
}

export function batchToOcds(batch: PublishedBatch, opts: OcdsOptions): OcdsReleasePackage {
  const base = trimSlash(opts.baseUrl);
  const pageUrl = batchUrl(base, batch.id);
  const entries = orderedEntries(batch);
  return {
    uri: opts.uri ?? `${pageUrl}/ocds.json`,
    version: '1.1',
    publishedDate: toRfc3339(batchUpdatedAt(batch)),
    publisher: { name: opts.publisherName, uri: base },
    extensions: [OCDS_LOCATION_EXTENSION],
    releases: entries.map((e) => entryRelease(batch, e, opts, pageUrl)),
  };
}
