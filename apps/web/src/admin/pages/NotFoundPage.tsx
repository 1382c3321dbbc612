import { PageFrame } from '../components/PageFrame';
import { strings } from '../strings';

export function NotFoundPage() {
  return (
    <PageFrame title={strings.common.notFoundTitle}>
      <p>{strings.common.notFoundText}</p>
    </PageFrame>
  );
}
