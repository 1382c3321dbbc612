import { type MenuScreen } from '../../../app/flow';
import { Screen } from '../../machine/components/Screen';

export interface MainMenuProps {
  customerName: string;
  onChoose: (screen: MenuScreen) => void;
  onExit: () => void;
}

const ITEMS: Array<{ label: string; screen: MenuScreen }> = [
  { label: 'Balance', screen: 'balance' },
  { label: 'Withdraw', screen: 'withdraw' },
  { label: 'Deposit', screen: 'deposit' },
  { label: 'Transfer', screen: 'transfer' },
  { label: 'Statements', screen: 'statements' },
  { label: 'Change PIN', screen: 'change-pin' },
];

export function MainMenu({ customerName, onChoose, onExit }: MainMenuProps) {
  const firstName = customerName.split(' ')[0] ?? customerName;
  return (
    <Screen
      title="Main menu"
      options={[
        ...ITEMS.map((item) => ({ label: item.label, onSelect: () => onChoose(item.screen) })),
        { label: 'Exit', onSelect: onExit, slot: 'R4' as const },
      ]}
      keypad={{ onCancel: onExit }}
    >
      <p className="lead">Hello, {firstName}.</p>
      <p className="hint">What would you like to do?</p>
    </Screen>
  );
}
