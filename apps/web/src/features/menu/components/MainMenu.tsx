import { useTranslation } from 'react-i18next';
import { type MenuScreen } from '../../../shared/flow/flow-types';
import { Screen } from '../../../shared/machine/components/Screen';

export interface MainMenuProps {
  customerName: string;
  onChoose: (screen: MenuScreen) => void;
  onExit: () => void;
}

const ITEMS = [
  { label: 'menu.balance', screen: 'balance' },
  { label: 'menu.withdraw', screen: 'withdraw' },
  { label: 'menu.deposit', screen: 'deposit' },
  { label: 'menu.transfer', screen: 'transfer' },
  { label: 'menu.statements', screen: 'statements' },
  { label: 'menu.changePin', screen: 'change-pin' },
] as const satisfies ReadonlyArray<{ label: `menu.${string}`; screen: MenuScreen }>;

export function MainMenu({ customerName, onChoose, onExit }: MainMenuProps) {
  const { t } = useTranslation();
  const firstName = customerName.split(' ')[0] ?? customerName;
  return (
    <Screen
      title={t('menu.title')}
      options={[
        ...ITEMS.map((item) => ({ label: t(item.label), onSelect: () => onChoose(item.screen) })),
        { label: t('menu.exit'), onSelect: onExit, slot: 'R4' as const },
      ]}
      keypad={{ onCancel: onExit }}
    >
      <p className="lead">{t('menu.hello', { name: firstName })}</p>
      <p className="hint">{t('menu.question')}</p>
    </Screen>
  );
}
