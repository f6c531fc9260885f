/**
 * The tabs under the buttons. A chunk of its own, loaded while the first screen shows (issue 30: ready at once):
 * Fluent's TabList brings tabster, the arrow-key navigation, which no other control of the first screen needs.
 */
import { Tab, TabList } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export type TabId = 'table' | 'check' | 'formula' | 'progress';

export interface PaneTabsProps {
  tab: TabId;
  onTab: (tab: TabId) => void;
  labels: Record<TabId, string>;
  /** The formula builder needs the PLAN functions: off where the host lacks them. */
  formulaDisabled: boolean;
}

export function PaneTabs({ tab, onTab, labels, formulaDisabled }: PaneTabsProps): ReactElement {
  return (
    <TabList selectedValue={tab} onTabSelect={(_e, d) => onTab(d.value as TabId)}>
      <Tab value="table">{labels.table}</Tab>
      <Tab value="check">{labels.check}</Tab>
      <Tab value="formula" disabled={formulaDisabled}>
        {labels.formula}
      </Tab>
      <Tab value="progress" data-tab="progress">
        {labels.progress}
      </Tab>
    </TabList>
  );
}
