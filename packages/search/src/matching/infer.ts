/**
 * Sector and technology fields a listing left empty, read from its text by the classifier (the
 * suggestions the submission form offers). Imported rows and older listings often lack them, and
 * a part with no data scores nothing: without this, such a listing could only ever match on words.
 * The inferred values are kept apart from what the owner filled in, so search facets and pages
 * show only the latter; matching uses them where the owner's are missing, and says so.
 */
import { PICK_LIMITS } from '@scenebridge/domain/field-rules';
import { defaultClassifier, type Classifier } from '../classify.js';

export interface InferredFields {
  /** A need's sector. */
  sector?: string;
  /** A capability's sectors. */
  sectors?: string[];
  techFields?: string[];
}

interface ClassifiedFields {
  listType: string;
  sector: string | null;
  sectors: readonly string[];
  techFields: readonly string[];
}

/** What the classifier fills in for the empty fields, or undefined when none is empty or it finds nothing. */
export function inferMissingFields(
  f: ClassifiedFields,
  text: string,
  classifier: Classifier = defaultClassifier(),
): InferredFields | undefined {
  const isNeed = f.listType === 'scenario_need';
  const needsSector = isNeed ? !f.sector : f.sectors.length === 0;
  if (!needsSector && f.techFields.length > 0) return undefined;
  const c = classifier.classify(text, 1);
  const out: InferredFields = {};
  const top = c.sectors[0]?.code;
  if (needsSector && top) Object.assign(out, isNeed ? { sector: top } : { sectors: [top] });
  if (f.techFields.length === 0 && c.techFields.length > 0)
    out.techFields = c.techFields.slice(0, PICK_LIMITS.techFields[1]).map((t) => t.code);
  return Object.keys(out).length > 0 ? out : undefined;
}
