import { defaultClassifier } from '@scenebridge/search';

/** Top sector and technology-field suggestions for a text, with confidences in [0, 1]. */
export function classifyText(text: string) {
  const c = defaultClassifier().classify(text, 3);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    sectors: c.sectors.map((s) => ({ code: s.code, name: s.name, confidence: round(s.confidence) })),
    techFields: c.techFields.map((t) => ({ code: t.code, name: t.name, confidence: round(t.confidence), evidence: t.evidence })),
  };
}
