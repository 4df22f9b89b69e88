/** Chinese names of the groups the turnover charts show: codes the contracts feature defines. */
import { CONTRACT_TYPE_LABELS, LEGAL_NATURE_LABELS, regionFullName, techFieldName } from '@scenebridge/domain';

const lookup = (labels: Record<string, string>) => (code: string) => (code === '' ? '未填写' : (labels[code] ?? code));

export const contractTypeLabel = lookup(CONTRACT_TYPE_LABELS as Record<string, string>);
export const sellerKindLabel = lookup(LEGAL_NATURE_LABELS as Record<string, string>);
export const technologyFieldLabel = (code: string) => (code === '' ? '未填写' : techFieldName(code));
export const regionLabel = (code: string) => (code === '' ? '未填写' : regionFullName(code));
