import type { PairKappa, TokenAgreement } from "@/domain/agreement/types";
import { ConfusionFigure } from "./agreement-confusion";
import { KappaFigure } from "./agreement-kappa";

type HeatmapsProps = {
  annotators: string[];
  cohen: PairKappa[];
  confusion: TokenAgreement["confusion"];
};

/** Pairwise Cohen's kappa and the token-level label confusion, side by side on wide screens. */
export function AgreementHeatmaps({ annotators, cohen, confusion }: HeatmapsProps) {
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
      <KappaFigure annotators={annotators} cohen={cohen} />
      <ConfusionFigure confusion={confusion} />
    </div>
  );
}
